"""Create image renditions when content is published, never in a visitor's request.

Rendering the page once, as an anonymous visitor would see it, makes exactly
the renditions its templates ask for (picture tags, StreamField images), with
no second list of filter specs to keep in step with the templates.

It happens once the publish (or the image's change) is committed: the page is
then rendered from committed content, and the editor's transaction does not
wait on image encoding. PAGE_CACHE_WARM_RENDITIONS turns it off.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models.signals import post_save
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def render_as_visitor(page):
    page = page.specific
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    request = RequestFactory().get(page.get_url() or "/")
    request.user = AnonymousUser()
    request._wagtail_site = site
    response = page.serve(request)
    if hasattr(response, "render"):
        response.render()
    return response


def warm_renditions(pages):
    for page in pages:
        try:
            render_as_visitor(page)
        except Exception:
            # Publishing must not fail because a page could not be pre-rendered;
            # the visitor who asks for it then renders it instead.
            logger.exception("Pre-rendering %r to create its image renditions failed", page)


def warm_all_live_pages():
    warm_renditions(Page.objects.live().public().specific().filter(depth__gt=1))


def warm_pages_using_image(image):
    """Pages showing an image whose file or focal point changed need new renditions."""
    references = ReferenceIndex.get_references_to(image).group_by_source_object()
    pages = [source for source, _ in references if isinstance(source, Page) and source.live]
    warm_renditions(pages)


def page_published_handler(sender, instance, **kwargs):
    if settings.PAGE_CACHE_WARM_RENDITIONS:
        transaction.on_commit(lambda: warm_renditions([instance]), robust=True)


def image_saved(sender, instance, raw=False, **kwargs):
    if raw or not settings.PAGE_CACHE_WARM_RENDITIONS:
        return
    transaction.on_commit(lambda: warm_pages_using_image(instance), robust=True)


def connect():
    page_published.connect(page_published_handler, dispatch_uid="images.warm_renditions")
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="images.warm_renditions")
