"""Change the content generation on anything that can appear on a page.

Models are matched by app, not listed one by one, so settings, snippets and
pages added later in these apps are covered without editing this file. A model
that never shows on a public page (visitor feedback, say) opts out with
`affects_public_pages = False`, so that visitors cannot empty the cache.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.images.models import AbstractRendition
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .generation import bump_generation
from .renditions import warm_pages_using_image, warm_renditions

CONTENT_APPS = {"pages", "priorities", "partnership", "images"}
# Wagtail's own models that change what visitors see: sites (root page,
# hostname), privacy restrictions, the page tree itself, and documents (their
# links carry the file name).
WAGTAIL_CONTENT_MODELS = {
    "wagtailcore.site",
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
    return (
        model._meta.app_label in CONTENT_APPS or model._meta.label_lower in WAGTAIL_CONTENT_MODELS
    )


def content_changed(sender, raw=False, created=False, **kwargs):
    if raw:  # loaddata
        return
    if created and issubclass(sender, SETTINGS_MODELS):
        # Wagtail creates a settings row with its defaults on first use: the
        # pages already show those defaults.
        return
    bump_generation()


def page_published_handler(sender, instance, **kwargs):
    bump_generation()
    if settings.PAGE_CACHE_WARM_RENDITIONS:
        warm_renditions([instance])


def image_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    bump_generation()
    if settings.PAGE_CACHE_WARM_RENDITIONS:
        warm_pages_using_image(instance)


def connect():
    page_published.connect(page_published_handler, dispatch_uid="pagecache.published")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(content_changed, dispatch_uid="pagecache.moved")
    # Snippets with drafts publish through these.
    published.connect(content_changed, dispatch_uid="pagecache.published_object")
    unpublished.connect(content_changed, dispatch_uid="pagecache.unpublished_object")
    image_model = get_image_model()
    for model in apps.get_models():
        if not affects_public_pages(model):
            continue
        uid = f"pagecache.{model._meta.label_lower}"
        if model is image_model:
            post_save.connect(image_saved, sender=model, dispatch_uid=f"{uid}.save")
        else:
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}.delete")
