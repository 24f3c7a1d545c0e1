"""The Atom feed partners follow to hear when a page changes."""

from collections import namedtuple

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.timezone import localtime
from wagtail.models import Page, PageLogEntry, Site

from pages.models import SiteSettings

FEED_LENGTH = 30

FeedSource = namedtuple("FeedSource", ["site", "request"])


class UpdatesFeed(Feed):
    """One entry each time a public page is published, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request, so the request travels with
        # the site rather than being kept on the instance.
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("No site is set up yet.")
        return FeedSource(site, request)

    def title(self, source):
        settings = SiteSettings.for_site(source.site)
        return f"{settings.service_name} – {settings.organisation_name}: updates"

    def subtitle(self, source):
        return "Each time a page of the site is published or changed."

    def link(self, source):
        return source.site.root_url + "/"

    def feed_url(self, source):
        return source.site.root_url + reverse("updates_feed")

    def author_name(self, source):
        return SiteSettings.for_site(source.site).organisation_name

    def items(self, source):
        public_pages = (
            Page.objects.live().public().descendant_of(source.site.root_page, inclusive=True)
        )
        entries = list(
            PageLogEntry.objects.filter(action="wagtail.publish", page__in=public_pages)
            .select_related("page")
            .order_by("-timestamp", "-pk")[:FEED_LENGTH]
        )
        for entry in entries:
            entry.page_url = entry.page.get_full_url(source.request)
        return entries

    def item_title(self, entry):
        return entry.page.title

    def item_description(self, entry):
        published = localtime(entry.timestamp)
        return f"“{entry.page.title}” was published on {published:%-d %B %Y at %H:%M}."

    def item_link(self, entry):
        return entry.page_url

    def item_guid(self, entry):
        # Each publication is its own entry, so readers see every change.
        return f"{entry.page_url}#published-{entry.pk}"

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.timestamp

    def item_updateddate(self, entry):
        return entry.timestamp
