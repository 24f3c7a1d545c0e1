from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.models import PARAGRAPH_FEATURES, LinkableItemsMixin, PageMetadataMixin

from .blocks import AimBlock


class PartnershipPage(PageMetadataMixin, LinkableItemsMixin, Page):
    challenges = RichTextField(
        "challenges residents face",
        features=PARAGRAPH_FEATURES,
        help_text="The problems the partnership exists to tackle, and who the partners are.",
    )
    approach = RichTextField(features=PARAGRAPH_FEATURES, help_text="How the partners will work.")
    aims_introduction = models.CharField(
        "introduction to the aims", max_length=255, help_text="Leads into the list of aims."
    )
    aims = StreamField([("aim", AimBlock())], min_num=1)
    closing = RichTextField(
        "closing paragraph",
        features=PARAGRAPH_FEATURES,
        help_text="What working together in this way will achieve.",
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt_text = models.CharField(
        "logo alt text",
        max_length=255,
        blank=True,
        help_text="Leave blank to use the image's own description.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("challenges"),
        index.SearchField("approach"),
        index.SearchField("aims"),
        index.SearchField("closing"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("challenges"),
        FieldPanel("approach"),
        FieldPanel("aims_introduction"),
        FieldPanel("aims"),
        FieldPanel("closing"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading="Logo"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    linkable_items = (("aims", "text"),)
    # The logo is wide (5:2): cropped to a 1200×630 preview it would lose its
    # words, so shares of this page use the site's default image.
    summary_field = "challenges"

    def clean(self):
        super().clean()
        if self.logo and not self.logo_alt:
            raise ValidationError({"logo_alt_text": "Describe the logo for screen reader users."})

    @property
    def logo_alt(self):
        if not self.logo:
            return ""
        return self.logo_alt_text or self.logo.description
