from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PageManager,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.query import PageQuerySet

from images.alt_text import (
    ImageAltText,
    ImageAltTextMixin,
    alt_text_field,
    decorative_field,
    image_field,
)
from pagecache.generation import cached_for_this_generation
from pages.models import PARAGRAPH_FEATURES, LinkableItemsMixin, SitePage, page_search_fields

from .blocks import AimBlock

PARTNER_LOGO_SPEC = "max-240x120"
# The page's own logo, as templates/partnership/partnership_page.html shows it.
PAGE_LOGO_SPECS = Filter.expand_spec("format-{avif,webp,png}|max-{250x100,500x200}")


class Partner(
    ImageAltTextMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, Orderable
):
    """An organisation in the Fairer Together partnership, shown on the partnership page.

    Like a page, a partner has drafts: communications editors add and change partners
    and submit them to the "Communications approval" workflow; the partnership page
    shows only what an approver has published. Approvers drag partners into the order
    they are shown.
    """

    name = models.CharField(max_length=120)
    web_address = models.URLField(help_text="The partner's own website, for example its home page.")
    description = models.TextField(
        "short description",
        max_length=300,
        help_text="One or two sentences on who the partner is and what it brings.",
    )
    logo = image_field()
    logo_alt_text = alt_text_field("logo alt text")
    logo_is_decorative = decorative_field(
        "logo is decorative",
        "Tick if the logo only repeats the partner's name, which is shown beside it.",
    )
    logo_alt = ImageAltText(
        "logo",
        "logo_alt_text",
        "logo_is_decorative",
        "Describe the logo, or mark it as decorative.",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partner")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="partner",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("web_address"),
        FieldPanel("description"),
        logo_alt.panel("Logo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Fairer Together partner"

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def get_structured_data(self, root_url):
        data = {
            "@type": "Organization",
            "name": self.name,
            "url": self.web_address,
            "description": self.description,
        }
        if self.logo:
            data["logo"] = root_url + self.logo.get_rendition(PARTNER_LOGO_SPEC).url
        return data


class PartnershipPageQuerySet(PageQuerySet):
    def only(self, *fields):
        # A query for a few fields (the editor's list of translations) leaves the logo
        # out: Django cannot both defer it and read it with the page.
        return super().only(*fields).select_related(None)


class PartnershipPageManager(PageManager.from_queryset(PartnershipPageQuerySet)):
    def get_queryset(self):
        # Every render shows the logo: read it with the page (Wagtail's routing
        # reads the page through this manager) rather than in a query of its own.
        return super().get_queryset().select_related("logo")


class PartnershipPage(LinkableItemsMixin, SitePage):
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
    logo = image_field()
    logo_alt_text = alt_text_field("logo alt text")
    logo_alt = ImageAltText(
        "logo", "logo_alt_text", missing="Describe the logo for screen reader users."
    )

    search_fields = page_search_fields("challenges", "approach", "aims", "closing")

    content_panels = [
        *Page.content_panels,
        FieldPanel("challenges"),
        FieldPanel("approach"),
        FieldPanel("aims_introduction"),
        FieldPanel(
            "aims",
            help_text="Each aim in the order it should be read. Partners link to each one "
            "by its anchor.",
        ),
        FieldPanel("closing"),
        logo_alt.panel("Logo", image_help_text="The Fairer Together logo, shown beside the aims."),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    objects = PartnershipPageManager()

    linkable_items = (("aims", "text"),)
    # The logo is wide (5:2): cropped to a 1200×630 preview it would lose its
    # words, so shares of this page use the site's default image.
    summary_field = "challenges"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.partners  # before the template shows the page's logo
        return context

    @cached_property
    def partners(self):
        """Every published partner in the editors' order with its logo. A live partner's
        row holds its published version; drafts wait in revisions until an approver
        publishes them. The partners are kept in the cache until the content next
        changes, and the renditions of their logos and of the page's own logo in this
        process, read in one query."""
        partners = cached_for_this_generation(
            f"partners-{self.pk}",
            lambda: list(Partner.objects.filter(live=True).select_related("logo")),
        )
        logos = [partner.logo for partner in partners if partner.logo]
        if self.logo:
            logos.append(self.logo)
        get_image_model().read_renditions(logos)
        return partners

    def get_structured_data(self, request):
        """Each partner as an Organization, for the page's JSON-LD."""
        _site_id, root_url, _path = self.get_url_parts(request)
        return [partner.get_structured_data(root_url) for partner in self.partners]
