"""The site-wide content generation: part of every page cache key.

Anything that can appear on a page bumps it, which makes every cached page
unreachable at once (the old entries simply expire). One cache read per
request, one cache write per change, and nothing to enumerate.
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
