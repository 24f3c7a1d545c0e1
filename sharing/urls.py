from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from .api import api_router
from .feeds import UpdatesFeed
from .views import robots_txt

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("feeds/updates/", UpdatesFeed(), name="updates_feed"),
    path("api/v2/", api_router.urls),
]
