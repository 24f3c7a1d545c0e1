"""The Atom feeds partners follow to hear when a page is published, changed or withdrawn.

One feed per language, at the language's prefix as its pages are: a partner or a
resident subscribes to the language they read, and each feed has one `xml:lang`
(Django's feed takes the active language). The English feed keeps its address.
"""

from collections import namedtuple

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Min, Q
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.timezone import localtime
from wagtail.models import Page, PageLogEntry, Site

from languages.locales import active_language
from pages.models import SiteSettings
from pages.navigation import home_pages

FEED_LENGTH = 30
PUBLISHED = ("wagtail.publish", "wagtail.publish.scheduled")
WITHDRAWN = ("wagtail.unpublish", "wagtail.unpublish.scheduled")

FeedSource = namedtuple("FeedSource", ["site", "home", "request"])


def tag_uri(specific):
    """A permanent id (RFC 4151 `tag:` URI): it names neither the site's current host
    nor a page's current address, so neither a new domain nor a renamed slug changes it."""
    return f"tag:{settings.FEED_TAG_AUTHORITY}:{specific}"


class UpdatesFeed(Feed):
    """One entry each time a public page is published or withdrawn, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request, so the request travels with
        # the site rather than being kept on the instance.
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("No site is set up yet.")
        # The home page in the address's language: no feed where it is not live.
        home = home_pages(site).get(translation.get_language())
        if home is None or not home.live:
            raise Http404("Nothing is published in this language.")
        return FeedSource(site, home, request)

    def title(self, source):
        site_settings = SiteSettings.for_site(source.site)
        title = f"{site_settings.service_name} – {site_settings.organisation_name}: updates"
        language = active_language()
        return title if language.is_source else f"{title} ({language.name})"

    def subtitle(self, source):
        return "Each time a page of the site is published, changed or withdrawn."

    def link(self, source):
        return source.home.get_full_url(source.request)

    def feed_url(self, source):
        return source.site.root_url + reverse("updates_feed")

    def feed_guid(self, source):
        language = active_language()
        return tag_uri("updates" if language.is_source else f"updates/{language.code}")

    def author_name(self, source):
        return SiteSettings.for_site(source.site).organisation_name

    def items(self, source):
        # Pages with view restrictions never appear, not even as withdrawn; a
        # publication is listed only while its page is still live.
        site_pages = Page.objects.descendant_of(source.home, inclusive=True).public()
        entries = list(
            PageLogEntry.objects.filter(
                Q(action__in=PUBLISHED, page__in=site_pages.live())
                | Q(action__in=WITHDRAWN, page__in=site_pages)
            )
            .select_related("page")
            .order_by("-timestamp", "-pk")[:FEED_LENGTH]
        )
        page_ids = {entry.page_id for entry in entries}
        specific_pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk()
        first_publications = set(
            PageLogEntry.objects.filter(page__in=page_ids, action__in=PUBLISHED)
            .values("page")
            .annotate(first=Min("pk"))
            .values_list("first", flat=True)
        )
        home_url = self.link(source)
        for entry in entries:
            page = specific_pages[entry.page_id]
            entry.withdrawn = entry.action in WITHDRAWN
            entry.first_publication = entry.pk in first_publications
            entry.page_url = home_url if entry.withdrawn else page.get_full_url(source.request)
            entry.summary = (
                page.get_meta_description()
                if hasattr(page, "get_meta_description")
                else page.search_description
            )
        return entries

    def item_title(self, entry):
        # Atom titles are plain text: the XML writer escapes them.
        return f"Withdrawn: {entry.page.title}" if entry.withdrawn else entry.page.title

    def item_description(self, entry):
        # The summary is HTML that feed readers display, so every value is escaped
        # as HTML here (and the whole escaped once more as XML by the writer).
        when = f"{localtime(entry.timestamp):%-d %B %Y at %H:%M}"
        if entry.withdrawn:
            return format_html(
                "<p>“{}” was withdrawn on {}: it is no longer on the website.</p>",
                entry.page.title,
                when,
            )
        what = "first published" if entry.first_publication else "updated"
        html = format_html("<p>“{}” was {} on {}.</p>", entry.page.title, what, when)
        if entry.summary:
            html += format_html("<p>{}</p>", entry.summary)
        return html

    def item_link(self, entry):
        return entry.page_url

    def item_guid(self, entry):
        # Each publication or withdrawal is its own entry, so readers see every change.
        return tag_uri(f"page-{entry.page_id}/log-{entry.pk}")

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.timestamp

    def item_updateddate(self, entry):
        return entry.timestamp
