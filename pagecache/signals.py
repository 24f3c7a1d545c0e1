"""Change the content version on anything that can appear on a public page.

Each project app says on its AppConfig whether its content appears on public
pages (`affects_public_pages`; checks.py refuses an app that does not say), so
settings, snippets and pages added later to such an app are covered without
editing this file. A model of such an app that never shows on a public page
opts out with `affects_public_pages = False` on the model, so that visitors
cannot empty the cache.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractRendition
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .generation import bump_generation

# Wagtail's own models that change what visitors see. Wagtail's apps cannot carry
# our declaration, so they are listed here: sites (root page, hostname), locales (the
# language each page is served in), privacy restrictions, the page tree itself, and
# documents (their links carry the file name). Images are this project's own model.
WAGTAIL_CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.page",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtaildocs.document",
}
SETTINGS_MODELS = (BaseSiteSetting, BaseGenericSetting)


def affects_public_pages(model):
    if not getattr(model, "affects_public_pages", True):
        return False
    if issubclass(model, AbstractRendition):
        # Renditions are created while pages render; they never change content.
        return False
    if model._meta.label_lower in WAGTAIL_CONTENT_MODELS:
        return True
    return getattr(model._meta.app_config, "affects_public_pages", False)


def content_changed(sender, raw=False, created=False, **kwargs):
    if raw:  # loaddata
        return
    if created and issubclass(sender, SETTINGS_MODELS):
        # Wagtail creates a settings row with its defaults on first use: the
        # pages already show those defaults.
        return
    bump_generation()


def connect():
    page_published.connect(content_changed, dispatch_uid="pagecache.published")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(content_changed, dispatch_uid="pagecache.moved")
    # Snippets with drafts publish through these.
    published.connect(content_changed, dispatch_uid="pagecache.published_object")
    unpublished.connect(content_changed, dispatch_uid="pagecache.unpublished_object")
    for model in apps.get_models():
        if not affects_public_pages(model):
            continue
        uid = f"pagecache.{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}.delete")
