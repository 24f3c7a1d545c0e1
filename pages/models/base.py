"""What every page of this site shares: metadata, the privacy check, linkable items.

Two of Wagtail's internals are overridden here, each for a reason said in its docstring:
`SitePage.get_view_restrictions` (one query instead of two) and, in home.py,
`HomePage.route` (one query per request instead of two per level).
"""

from html import unescape

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from editorial.link_text import mark_vague_links
from editorial.widgets import SchedulePanel
from images.alt_text import ImageAltTextMixin

from ..anchors import RESERVED_IDS, anchor_errors, fill_missing_anchors
from ..forms import SitePageForm
from ..site_settings import load_site_settings

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link"]


def page_search_fields(*field_names):
    """What site search finds a page by: Wagtail's own fields (the title) and these."""
    return [*Page.search_fields, *(index.SearchField(name) for name in field_names)]


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


class SitePage(ImageAltTextMixin, PageMetadataMixin, Page):
    """What every page of this site shares: its metadata, alt text for the images it
    shows (images/alt_text.py), and a privacy check asked of the database on every view,
    never answered from a cached or partial list."""

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
