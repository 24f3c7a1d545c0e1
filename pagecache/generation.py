"""The site-wide content generation: what every cached page and shared value is keyed on.

Its truth is one database row (`ContentVersion`), changed in the same transaction
as the content, by whichever process makes the change: a worker, `publish_scheduled`,
a management command, another host. Each process keeps the generation it last read
and reads it again once that reading is older than PAGE_CACHE_VERSION_CHECK_INTERVAL
(half a second), so every process sees every change within a second, with at most
one small query per process per interval: a cache hit itself needs no database.

If the database cannot be read, the last known generation stays in use: nothing can
change while the database is down, so cached pages keep being served.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import transaction

from .models import ContentVersion

logger = logging.getLogger(__name__)

# (generation, time.monotonic() when read): one tuple, replaced whole, so threads
# never see half an update.
_known = None
# name -> (generation, value), for values kept in this process only.
_memo = {}
# One thread of a process reads the version at a time (see current_generation).
_reading = threading.Lock()


def _check_interval():
    return getattr(settings, "PAGE_CACHE_VERSION_CHECK_INTERVAL", 0.5)


def _is_fresh(known):
    return known is not None and time.monotonic() - known[1] < _check_interval()


def _remember(generation):
    global _known
    previous = _known[0] if _known else None
    _known = (generation, time.monotonic())
    if previous is not None and generation != previous:
        _forget_derived_data()


def _forget_derived_data():
    """Wagtail keeps the sites' root paths in the default cache and clears them only in
    the process that changed a site; without Redis each process has its own copy."""
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)


def forget_generation():
    """Read the generation from the database next time (the tests' rollbacks need this)."""
    global _known
    _known = None
    _memo.clear()


def known_generation():
    """The generation if it was read within the interval, else None: never a query."""
    known = _known
    return known[0] if _is_fresh(known) else None


def current_generation():
    """The content generation, at most PAGE_CACHE_VERSION_CHECK_INTERVAL seconds old.

    None only if it has never been read and the database is unreachable."""
    known = _known
    if _is_fresh(known):
        return known[0]
    # One thread reads at a time. The others wait for its answer, but never longer than
    # an interval: if the database is that slow they go on with the last version read.
    if not _reading.acquire(timeout=-1 if known is None else _check_interval()):
        return known[0]
    try:
        latest = _known
        if _is_fresh(latest):
            return latest[0]  # read by another thread while this one waited
        generation = ContentVersion.read()
    except DatabaseError:
        if known is None:
            return None
        # Try the database again after another interval, not on every request.
        logger.warning("Could not read the content version; using the last one read.")
        _remember(known[0])
        return known[0]
    finally:
        _reading.release()
    _remember(generation)
    return generation


def bump_generation():
    """Retire every cached page and shared value: the content has changed.

    The new generation is written in the current transaction, so it is seen by
    other processes exactly when the content is, and rolled back with it. After
    the commit it changes once more: a request served by another thread of this
    process in between may have cached the old content under the new value.
    Then the CDN is purged. Nothing here is left pending if the transaction rolls
    back: Django drops the on-commit callback with it.
    """
    _remember(ContentVersion.bump())
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _purge_frontend_cache()
        return
    if not any(func is _after_commit for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_after_commit)


def _after_commit():
    try:
        _remember(ContentVersion.bump())
    except DatabaseError:
        logger.exception("Could not change the content version after a commit")
    _purge_frontend_cache()


def _purge_frontend_cache():
    from .frontend import purge_all_pages

    purge_all_pages()


def cached_for_this_generation(name, compute):
    """`compute()`, kept in the default cache until the content next changes: for data
    many pages share. Keyed on the generation, so a stale value is never read."""
    generation = current_generation()
    if generation is None:
        return compute()
    key = f"pagecache:{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=getattr(settings, "PAGE_CACHE_TIMEOUT", 600))
    return value


def forget_memoised(name):
    """Compute `name` again on its next use: it has grown since it was read."""
    _memo.pop(name, None)


def memoised_for_this_generation(name, compute):
    """`compute()`, kept in this process until the content next changes: for small
    values the page cache needs on every request, which must cost no round trip."""
    generation = current_generation()
    remembered = _memo.get(name)
    if remembered is not None and remembered[0] == generation:
        return remembered[1]
    value = compute()
    if generation is not None:
        _memo[name] = (generation, value)
    return value
