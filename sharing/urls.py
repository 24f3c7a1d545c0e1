from django.urls import path
from django.views.decorators.http import conditional_page
from wagtail.contrib.sitemaps.views import sitemap

from languages.sitemap import TranslatedSitemap

from .api import api_not_found, api_router, api_schema
from .feeds import UpdatesFeed
from .views import robots_txt

# The sitemap and the feed send an ETag (and a Last-Modified) and answer a 304 when
# the reader already has the current version; so does the API (sharing/api.py).
urlpatterns = [
    path(
        "sitemap.xml",
        conditional_page(sitemap),
        {"sitemaps": {"pages": TranslatedSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("api/v2/schema/", conditional_page(api_schema), name="api_schema"),
    path("api/v2/", api_router.urls),
    # Any other address under /api/ is answered in JSON, as the API's own errors are.
    path("api/<path:rest>", api_not_found),
    path("api/", api_not_found),
]

# One feed per language, at the language's prefix like its pages: /feeds/updates/ is
# English (the address partners use today), /tr/feeds/updates/ Turkish (islington/urls.py).
translated_urlpatterns = [
    path("feeds/updates/", conditional_page(UpdatesFeed()), name="updates_feed"),
]
