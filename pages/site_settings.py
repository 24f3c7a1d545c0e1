"""The site's settings and notification banner, read in one query.

Every page shows both. Wagtail's settings context processor reads each with a
query of its own; reading them together through the site, and leaving them where
Wagtail looks first (on the request), saves a query on every render. Settings
change the content version, so they are kept in the cache until then.
"""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Site

from pagecache.generation import cached_for_this_generation

SETTINGS_MODELS = ("pages.SiteSettings", "pages.NotificationBanner")


def load_site_settings(request):
    site = Site.find_for_request(request)
    missing = [
        model
        for model in map(apps.get_model, SETTINGS_MODELS)
        if not hasattr(request, model.get_cache_attr_name())
    ]
    if site is None or not missing:
        return
    related = [model._meta.get_field("site").related_query_name() for model in missing]
    read = []

    def read_settings():
        read.append(Site.objects.select_related(*related).get(pk=site.pk))
        # Kept only once every row exists: Wagtail creates a missing one when first read,
        # without changing the content version.
        complete = all(getattr(read[0], name, None) is not None for name in related)
        return read[0] if complete else None

    key = f"site-settings-{site.pk}-{'-'.join(related)}"
    site_with_settings = cached_for_this_generation(key, read_settings) or read[0]
    for model, name in zip(missing, related, strict=True):
        try:
            instance = getattr(site_with_settings, name)
        except ObjectDoesNotExist:
            continue  # not saved yet: Wagtail's for_request creates it when first read
        instance._request = request  # as for_request does, for page links in settings
        setattr(request, model.get_cache_attr_name(), instance)
