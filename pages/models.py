import hashlib
from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from editorial.link_text import mark_vague_links
from editorial.widgets import SchedulePanel
from pagecache.generation import cached_for_this_generation

from .anchors import RESERVED_IDS, anchor_errors, fill_missing_anchors, with_heading_ids
from .blocks import BodyBlock, ValueBlock, WayOfCelebratingDifferenceBlock
from .forms import SitePageForm
from .navigation import LINK_FIELDS, public_only, site_root, site_sections
from .site_settings import load_site_settings

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link"]


class PageMetadataMixin:
    """What a page says about itself in search results and link previews.

    The meta description is the editor's search description (promote tab),
    else the start of the field named by `summary_field`.
    """

    summary_field = "introduction"
    META_DESCRIPTION_LENGTH = 160

    def get_meta_description(self):
        if self.search_description:
            return self.search_description
        summary = unescape(strip_tags(str(getattr(self, self.summary_field, "") or "")))
        return Truncator(capfirst(" ".join(summary.split()))).chars(self.META_DESCRIPTION_LENGTH)

    def get_share_image(self):
        """The image (and its alt text) shown when the page is shared, or None for the default."""
        return None


class SitePage(PageMetadataMixin, Page):
    """What every page of this site shares: its metadata, and a privacy check asked of the
    database on every view, never answered from a cached or partial list."""

    # Go-live and expiry dates with the browser's date and time picker, to the minute.
    settings_panels = [SchedulePanel(), *Page.settings_panels[1:]]
    # The slug field warns that links to a live page's address depend on it.
    base_form_class = SitePageForm
    partners_link_here = False

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        load_site_settings(request)
        return super().get_context(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        """The page as residents will see it, with vague link text marked for the Checks
        panel's accessibility checker (never on the live site)."""
        response = super().serve_preview(request, mode_name)
        if hasattr(response, "render"):
            response.render()
        response.content = mark_vague_links(response.content.decode()).encode()
        return response

    def get_view_restrictions(self):
        """Wagtail's rules in one query where it takes two: the restrictions on this page
        or an ancestor (paths are prefixes of this page's), or on the source of an
        ancestor that is an alias."""
        if self.alias_of_id is not None:
            return super().get_view_restrictions()  # an alias takes its source's rules
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()


class LinkableItemsMixin:
    """Pages whose list items partners link to: anchors are checked and filled in on save.

    `linkable_items` names each StreamField and the key of the text an anchor
    is made from. Anchors are unique across the whole page.
    """

    linkable_items: tuple[tuple[str, str], ...] = ()
    partners_link_here = True

    def get_reserved_anchors(self):
        """Ids the page's template gives to other elements, such as headings."""
        return set(RESERVED_IDS)

    def clean(self):
        super().clean()
        reserved = self.get_reserved_anchors()
        errors = {}
        for field_name, _text_key in self.linkable_items:
            stream_value = getattr(self, field_name)
            field_errors = anchor_errors(stream_value, reserved)
            if field_errors:
                errors[field_name] = field_errors
            reserved.update(c.value.get("anchor") for c in stream_value if c.value.get("anchor"))
        if errors:
            raise ValidationError(errors)
        for field_name, text_key in self.linkable_items:
            fill_missing_anchors(getattr(self, field_name), text_key, reserved)
            reserved.update(child.value["anchor"] for child in getattr(self, field_name))


class HomePage(SitePage):
    introduction = models.TextField(
        help_text="Leads into the vision statement, for example how the vision came about."
    )
    vision = models.TextField(
        "vision statement",
        help_text="The council's vision, shown as a highlighted statement.",
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt_text = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        help_text="Describe what the image shows for people who cannot see it. "
        "Leave blank to use the image's own description.",
    )
    hero_image_is_decorative = models.BooleanField(
        "image is decorative",
        default=False,
        help_text="Tick only if the image adds no information. Screen readers will skip it.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("vision"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("vision"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "hero_image",
                    help_text="Shown beside the vision statement. Optional: the page reads "
                    "well without it.",
                ),
                FieldPanel("hero_image_alt_text"),
                FieldPanel("hero_image_is_decorative"),
            ],
            heading="Hero image",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "priorities.PrioritiesIndexPage",
        "pages.ValuesPage",
        "pages.InequalityPage",
        "partnership.PartnershipPage",
        "pages.StandardPage",
    ]
    max_count = 1

    summary_field = "vision"
    # (image, its alt text override): the override is dropped when the image changes.
    image_alt_text_fields = [("hero_image", "hero_image_alt_text")]

    def clean(self):
        super().clean()
        if self.hero_image and not self.hero_image_is_decorative and not self.hero_alt_text:
            raise ValidationError(
                {"hero_image_alt_text": "Describe the image, or mark it as decorative."}
            )

    @property
    def hero_alt_text(self):
        if self.hero_image_is_decorative or not self.hero_image:
            return ""
        return self.hero_image_alt_text or self.hero_image.description

    def get_share_image(self):
        if not self.hero_image:
            return None
        return self.hero_image, self.hero_alt_text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root = site_root(request)
        if root is not None and root.pk == self.pk:
            sections = site_sections(request)  # shared with the navigation: no extra query
        else:
            sections = public_only(self.get_children().live().only(*LINK_FIELDS))
        context["sections"] = [section for section in sections if section.show_in_menus]
        return context

    def route(self, request, path_components):
        """Find a page below home in one query, where Wagtail's default takes two per level."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            # Kept until the content next changes; privacy is still asked of the database.
            page = cached_for_this_generation(
                "page-" + hashlib.sha256(url_path.encode()).hexdigest(),
                lambda: Page.objects.filter(url_path=url_path).specific().first(),
            )
            if page is not None and page.path.startswith(self.path):
                return page.route(request, [])
        # Not a page of its own, such as a route inside a routable page: walk the tree.
        return super().route(request, path_components)


class ValuesPage(LinkableItemsMixin, SitePage):
    introduction = RichTextField(features=PARAGRAPH_FEATURES)
    work_ethic = RichTextField(
        features=PARAGRAPH_FEATURES,
        help_text="The 'Be Islington' work ethic that the values below spell out.",
    )
    values = StreamField(
        [("value", ValueBlock())],
        min_num=1,
        help_text="Each value in the order it should be read, for example C, A, R, E.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("work_ethic"),
        index.SearchField("values"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", help_text="What our values are for and who they guide."),
        FieldPanel("work_ethic"),
        FieldPanel("values"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    linkable_items = (("values", "name"),)


class InequalityPage(LinkableItemsMixin, SitePage):
    introduction = RichTextField(features=PARAGRAPH_FEATURES)
    ways_introduction = models.CharField(
        "introduction to the list",
        max_length=255,
        help_text="The sentence that leads into the list below.",
    )
    ways = StreamField(
        [("way", WayOfCelebratingDifferenceBlock())],
        min_num=1,
        verbose_name="ways we celebrate and embrace our differences",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("ways"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "introduction", help_text="Why challenging inequality matters, and what we commit to."
        ),
        FieldPanel("ways_introduction"),
        FieldPanel(
            "ways",
            help_text="Each way in the order it should be read. Partners link to each one "
            "by its anchor.",
        ),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    linkable_items = (("ways", "text"),)


class StandardPage(SitePage):
    introduction = models.TextField(blank=True, help_text="A short summary shown first.")
    body = StreamField(BodyBlock(), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel(
            "body",
            help_text="The page's content: headings, paragraphs, images, quotes and inset "
            "text. Headings go in order, level 2 before level 3.",
        ),
    ]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    # Pages with at least this many section headings get a contents list.
    contents_min_headings = 2

    def contents(self):
        """The section headings, each with the id its heading block renders."""
        return [
            {"text": block.value["text"], "anchor": heading_id}
            for block, heading_id in with_heading_ids(self.body)
            if heading_id and block.value["level"] == "h2"
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contents = self.contents()
        context["contents"] = contents if len(contents) >= self.contents_min_headings else []
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Names and footer links shown on every page."""

    organisation_name = models.CharField(max_length=100, default="Islington Council")
    service_name = models.CharField(
        max_length=100,
        default="About us",
        help_text="Shown in the header beside the organisation name.",
    )
    contact_url = models.URLField("contact page", default="https://www.islington.gov.uk/contact-us")
    privacy_url = models.URLField(
        "privacy notice", default="https://www.islington.gov.uk/about-the-council/privacy"
    )
    cookies_url = models.URLField("cookies page", default="https://www.islington.gov.uk/cookies")

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("service_name")], "Names"),
        MultiFieldPanel(
            [FieldPanel("contact_url"), FieldPanel("privacy_url"), FieldPanel("cookies_url")],
            "Footer links",
        ),
    ]

    class Meta:
        verbose_name = "site settings"


@register_setting(icon="warning")
class NotificationBanner(BaseSiteSetting):
    """A message at the top of every page, such as an emergency or a service change.

    Whether it shows depends only on these fields and the time, never on the
    visitor, so cached pages stay correct: a full-page cache can keep a page
    until `next_change()`.
    """

    class Level(models.TextChoices):
        INFORMATION = "information", "Information"
        EMERGENCY = "emergency", "Emergency"

    is_enabled = models.BooleanField(
        "show the banner",
        default=False,
        help_text="Untick to take the banner down at once, whatever the times below say.",
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.INFORMATION)
    message = RichTextField(
        features=["bold", "link"],
        blank=True,
        max_length=1000,
        help_text="One or two sentences. Link to where residents can find out more.",
    )
    starts_at = models.DateTimeField(
        "show from", null=True, blank=True, help_text="Leave blank to show it straight away."
    )
    ends_at = models.DateTimeField(
        "show until", null=True, blank=True, help_text="Leave blank to show it until unticked."
    )

    panels = [
        FieldPanel("is_enabled"),
        FieldPanel("level"),
        FieldPanel("message"),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], "When to show it"),
    ]

    class Meta:
        verbose_name = "notification banner"

    def clean(self):
        super().clean()
        if self.is_enabled and not self.message:
            raise ValidationError({"message": "Write the message residents should see."})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The end must come after the start."})

    def is_showing(self, now):
        return (
            self.is_enabled
            and bool(self.message)
            and (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or now < self.ends_at)
        )

    def next_change(self, now):
        """The next moment the banner appears or disappears, or None if it never will."""
        if not (self.is_enabled and self.message):
            return None
        upcoming = [moment for moment in (self.starts_at, self.ends_at) if moment and moment > now]
        return min(upcoming, default=None)

    @property
    def is_showing_now(self):
        """For templates, which cannot pass arguments."""
        return self.is_showing(timezone.now())

    @property
    def is_emergency(self):
        return self.level == self.Level.EMERGENCY
