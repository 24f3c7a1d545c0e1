from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from operations.views import serve_media_file
from pages import passwords
from pages.views import search
from sharing import urls as sharing_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms for private pages and collections, at Wagtail's addresses,
    # throttled like the admin sign-in.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        passwords.page_password,
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        passwords.document_password,
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("feedback/", include("feedback.urls")),
    # For partners: sitemap.xml, robots.txt, the JSON API and the feed of updates.
    path("", include(sharing_urls)),
    path("", include("operations.urls")),  # /healthz and /readyz
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Images only. Documents are served by Wagtail's view at /documents/<id>/<name>,
    # which checks collection privacy and adds its own Content-Security-Policy:
    # never straight from the media folder, where anyone could read a private one.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media_file)]

# Wagtail's page serving is the catch-all, so it comes last. English pages keep their
# addresses (no prefix); each translation lives under its language: /tr/, /ar/…
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),  # each language searches its own pages
    path("", include(sharing_urls.translated_urlpatterns)),  # each language's feed
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
