from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from pagecache.generation import cached_for_this_generation
from pages.anchors import heading_ids
from pages.blocks import BodyBlock
from pages.icons import ICON_CHOICES
from pages.models import PARAGRAPH_FEATURES, LinkableItemsMixin, SitePage, page_search_fields
from pages.navigation import public_only

from .blocks import CommitmentBlock
from .serializers import CommitmentsField, IconField


class PrioritiesIndexPage(SitePage):
    partners_link_here = True  # the list of priorities, as well as each priority
    introduction = models.TextField(help_text="Leads into the list of priorities.")
    fairness_statement = RichTextField(
        "statement on delivering fairness",
        features=PARAGRAPH_FEATURES,
        help_text="Shown after the priorities: the challenges in delivering them.",
    )

    search_fields = page_search_fields("introduction", "fairness_statement")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("fairness_statement"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["priorities.PriorityPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        priorities = PriorityPage.objects.child_of(self).live().defer_streamfields()
        # The same for every visitor until the content next changes (as the navigation is).
        context["priorities"] = cached_for_this_generation(
            f"priorities-{self.pk}", lambda: public_only(priorities)
        )
        return context


class PriorityPage(LinkableItemsMixin, SitePage):
    icon = models.CharField(max_length=30, choices=ICON_CHOICES)
    icon_label = models.CharField(
        "icon text alternative",
        max_length=255,
        blank=True,
        help_text="What the icon stands for, read out by screen readers. "
        "Leave blank if the title says it all.",
    )
    summary = models.TextField(
        help_text="One sentence that follows the title on the list of priorities.",
    )
    commitments = StreamField(
        [("commitment", CommitmentBlock())],
        min_num=1,
        help_text="Each commitment in the order it should be read. Partners link to "
        "each one by its anchor.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Anything more about this priority.")

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("commitments"),
        index.SearchField("body"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel(
                    "icon", help_text="The picture shown with this priority on every listing."
                ),
                FieldPanel("icon_label"),
            ],
            heading="Icon",
        ),
        FieldPanel("summary"),
        FieldPanel("commitments"),
        FieldPanel("body"),
    ]

    # What partners reuse through /api/v2/pages/?type=priorities.PriorityPage
    api_fields = [
        APIField("summary"),
        APIField("icon", serializer=IconField()),
        APIField("commitments", serializer=CommitmentsField()),
    ]

    parent_page_types = ["priorities.PrioritiesIndexPage"]
    subpage_types = []

    linkable_items = (("commitments", "text"),)
    summary_field = "summary"

    def get_reserved_anchors(self):
        # Headings in the body get ids from their text (pages/anchors.py).
        return super().get_reserved_anchors() | set(heading_ids(self.body))
