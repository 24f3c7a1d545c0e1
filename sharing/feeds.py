"""The Atom feed partners follow to hear when a page changes."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.timezone import localtime
from wagtail.models import Page, PageLogEntry, Site

from pages.models import SiteSettings

FEED_LENGTH = 30


class UpdatesFeed(Feed):
    """One entry each time a public page is published, newest first."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        # Links must be absolute and use the Site's address, so keep the request.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return Site.find_for_request(request) or Site.objects.get(is_default_site=True)

    def title(self, site):
        settings = SiteSettings.for_site(site)
        return f"{settings.service_name} – {settings.organisation_name}: updates"

    def subtitle(self, site):
        return "Each time a page of the site is published or changed."

    def link(self, site):
        return site.root_url + "/"

    def feed_url(self, site):
        return site.root_url + reverse("updates_feed")

    def author_name(self, site):
        return SiteSettings.for_site(site).organisation_name

    def items(self, site):
        public_pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        entries = list(
            PageLogEntry.objects.filter(action="wagtail.publish", page__in=public_pages)
            .select_related("page")
            .order_by("-timestamp", "-pk")[:FEED_LENGTH]
        )
        return entries

    def item_title(self, entry):
        return entry.page.title

    def item_description(self, entry):
        published = localtime(entry.timestamp)
        return f"“{entry.page.title}” was published on {published:%-d %B %Y at %H:%M}."

    def item_link(self, entry):
        return entry.page.get_full_url(self.request)

    def item_guid(self, entry):
        # Each publication is its own entry, so readers see every change.
        return f"{self.item_link(entry)}#published-{entry.pk}"

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.timestamp

    def item_updateddate(self, entry):
        return entry.timestamp
