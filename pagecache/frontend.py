"""Purge a CDN in front of the site when content changes.

Wagtail's frontend_cache purges a page when it is published or unpublished.
Navigation, settings, snippets and images appear on every page, so after any
change we purge every live page: there are tens of them, not thousands.
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def purge_all_pages():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    try:
        batch = PurgeBatch()
        batch.add_pages(Page.objects.live().public().specific())
        batch.purge()
    except Exception:
        # The CDN entries still expire after s-maxage; publishing must not fail.
        logger.exception("Purging the frontend cache failed")
