from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pagecache.generation import memoised_for_this_generation

from .locales import page_language
from .translations import published_translations


class TranslatedSitemap(Sitemap):
    """Every public page in every language it is published in, each with the addresses
    of its translations (hreflang) and of the English page (x-default)."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_language = Q()
        for home in homes.only("path"):
            in_any_language |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_any_language)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        alternates = self.alternates_by_address()
        for url in urls:
            url["alternates"] = alternates.get(url["location"], [])
        return urls

    def alternates_by_address(self):
        published = memoised_for_this_generation("published-translations", published_translations)
        by_address = {}
        for versions in published.groups.values():
            links = []
            for version in versions:
                language = page_language(version)
                location = version.get_full_url(self.request)
                links.append({"lang_code": language.tag, "location": location})
                if language.is_source:
                    links.append({"lang_code": "x-default", "location": location})
            for link in links:
                if link["lang_code"] != "x-default":
                    by_address[link["location"]] = links
        return by_address
