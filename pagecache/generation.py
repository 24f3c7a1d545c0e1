"""The site-wide content generation, recorded in every cached page.

Anything that can appear on a page replaces it, which retires every cached page
at once (an entry from an older generation is never served, and is overwritten
or expires). The page cache reads it with the page in one round trip; a change
costs one cache write, with nothing to enumerate.
"""

import logging
import threading
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"

_pending = threading.local()


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def bump_generation():
    """Invalidate every cached page, now and again when the transaction commits.

    The second bump matters: a request served by another process between the
    first bump and the commit still reads the old rows, and could cache them
    under the new generation.
    """
    _new_generation()
    if getattr(_pending, "scheduled", False):
        return
    _pending.scheduled = True
    transaction.on_commit(_after_commit)


def _after_commit():
    _pending.scheduled = False
    _new_generation()
    from .frontend import purge_all_pages

    purge_all_pages()


def cached_for_this_generation(name, compute):
    """`compute()`, kept until the content next changes: for data many pages share."""
    key = f"pagecache:{current_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=3600)
    return value
