"""A full-page cache for anonymous visitors (in Redis, shared by every app server, when
REDIS_URL is set; else in each process's memory).

It sits at the top of MIDDLEWARE so that it sees the final response, with
every header (security headers too) and any cookie the inner middleware added.
A hit is answered from the cache alone: no session, no user, no other middleware,
and no database query beyond reading the content version (see generation.py) at
most once per process every half second. Each process also keeps the pages it
served last in its own memory (RecentPages), so most hits skip the round trip.
Cached pages keep being served while the database is down. An entry is served
only if it was made in the current version.

An entry holds the page's bytes and every header a hit is sent with but
Cache-Control (which counts down to its expiry), so a hit copies no header.
`serve_cached_pages` wraps the WSGI application: a hit on a page in this
process's memory is answered there, by the same rules, before Django builds its
response (see its docstring); anything else goes through Django and this middleware.

A request may read or fill the cache only when it is a GET or HEAD without a
session cookie (signed-in editors always have one, and so do visitors who
unlocked a password-protected page) and without a query string other than
tracking parameters. A response is stored only when Wagtail's page serving made
it, it is a 200 HTML page, and it sets no cookie and no Cache-Control of its own.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import Error as DatabaseError
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from wagtail import views as wagtail_views
from wagtail.models import Site

from .expiry import next_change
from .generation import current_generation, known_generation, memoised_for_this_generation

logger = logging.getLogger(__name__)

# Links shared on social media carry these; they do not change the page.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
NEVER_CACHE = "private, no-store"
# The shape of an entry: (generation, expires_at, status, headers of a hit, content).
# Entries are stored under this cache version, so entries an older release stored in
# another shape (the headers as the view left them, say) are never read.
ENTRY_FORMAT = 2


def is_configured_host(host):
    """A host named in ALLOWED_HOSTS (not only matched by a wildcard) or a Wagtail Site's."""
    named = {name.lower() for name in settings.ALLOWED_HOSTS if not name.startswith((".", "*"))}
    if host in named:
        return True
    try:
        return host in memoised_for_this_generation("site-hostnames", _site_hostnames)
    except DatabaseError:
        return False  # not cached while the database is down; served as usual


def _site_hostnames():
    return frozenset(name.lower() for name in Site.objects.values_list("hostname", flat=True))


def _setting(name, default):
    return getattr(settings, name, default)


class RecentPages:
    """The pages this process served last, kept in its memory beside the shared cache.

    A hit then costs no round trip to Redis, which is most of a hit's time. It is as
    safe as the shared cache: an entry is served only in the generation it was made
    in, and before its expiry time (a banner going on or off, say).
    """

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > _setting("PAGE_CACHE_LOCAL_ENTRIES", 200):
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


recent_pages = RecentPages()


def is_current(entry, generation):
    return entry is not None and entry[0] == generation and entry[1] > time.time()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            response = self.get_response(request)
            if self.is_private(request) and not response.has_header("Cache-Control"):
                response["Cache-Control"] = NEVER_CACHE
            return response

        # The generation comes from memory (read again from the database at most
        # every half second), so a hit is one round trip to the cache.
        generation = current_generation()
        key = self.cache_key(request) if generation is not None else None
        if key is not None:
            entry = recent_pages.get(key)
            if not is_current(entry, generation):
                entry = cache.get(key, version=ENTRY_FORMAT)
                if is_current(entry, generation):
                    recent_pages.put(key, entry)
            if is_current(entry, generation):
                return self.response_from(entry, request)

        response = self.get_response(request)
        if key is not None and self.may_store(request, response):
            expires_at = self.expiry_time(request)
            entry = (
                generation,
                expires_at,
                response.status_code,
                self.hit_headers(response),
                response.content,
            )
            timeout = max(1, int(expires_at - time.time()))
            cache.set(key, entry, timeout=timeout, version=ENTRY_FORMAT)
            recent_pages.put(key, entry)
            self.add_public_headers(response, expires_at)
            response["X-Page-Cache"] = "miss"
        elif getattr(request, "_page_cache_view", False) and not response.has_header(
            "Cache-Control"
        ):
            response["Cache-Control"] = NEVER_CACHE
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._page_cache_view = view_func is wagtail_views.serve

    # Who may use the cache

    @staticmethod
    def is_private(request):
        return (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            or request.path.startswith("/admin/")
            or getattr(request, "is_preview", False)
        )

    @classmethod
    def may_use_cache(cls, request):
        if request.method not in ("GET", "HEAD") or cls.is_private(request):
            return False
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return False  # files, served below by WhiteNoise or the media view
        if request.path in _setting("PAGE_CACHE_EXCLUDED_PATHS", ()):
            return False  # health checks: never wait on the database for the version
        if _setting("PAGE_CACHE_ALLOW_BYPASS_HEADER", False) and request.META.get(
            "HTTP_X_BYPASS_PAGE_CACHE"
        ):
            return False  # `make bench` measures cold renders this way
        return cls.significant_query(request) == ""

    @staticmethod
    def significant_query(request):
        pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        return "&".join(
            f"{name}={value}" for name, value in pairs if not name.startswith(TRACKING_PARAMETERS)
        )

    @staticmethod
    def may_store(request, response):
        return (
            getattr(request, "_page_cache_view", False)
            and response.status_code == 200
            and not response.streaming
            and response.content  # a HEAD answered without its body is no page to keep
            and not response.cookies
            and not response.has_header("Cache-Control")
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(request, "is_preview", False)
            and not (hasattr(request, "user") and request.user.is_authenticated)
        )

    # Keys, lifetimes and headers

    @staticmethod
    def cache_key(request):
        """One entry per address of a site this server is configured for (the host
        without its port, in lower case), or None: no entry for any other host, so
        nobody can fill the cache with copies. Each entry records the generation it
        was made in, and an entry from another generation is never served."""
        host, _port = split_domain_port(request.get_host())
        if not is_configured_host(host):
            return None
        location = f"{request.scheme}://{host}{request.path}"
        return f"pagecache:page:{hashlib.sha256(location.encode()).hexdigest()}"

    @staticmethod
    def expiry_time(request):
        now = time.time()
        expires_at = now + _setting("PAGE_CACHE_TIMEOUT", 600)
        change = next_change(request, datetime.fromtimestamp(now, tz=UTC))
        if change is not None:
            expires_at = min(expires_at, change.timestamp())
        return expires_at

    @staticmethod
    def add_public_headers(response, expires_at):
        response["Cache-Control"] = cache_control(expires_at)
        # Signed-in editors get a different (private) answer: their session cookie.
        patch_vary_headers(response, ["Cookie"])

    @classmethod
    def hit_headers(cls, response):
        """Every header a hit on this response is sent with, but Cache-Control."""
        hit = HttpResponse(headers=dict(response.items()))
        hit["Content-Length"] = str(len(response.content))
        patch_vary_headers(hit, ["Cookie"])
        hit["X-Page-Cache"] = "hit"
        return list(hit.items())

    def response_from(self, entry, request):
        _generation, expires_at, status, headers, content = entry
        response = HttpResponse(
            b"" if request.method == "HEAD" else content, status=status, headers=dict(headers)
        )
        response["Cache-Control"] = cache_control(expires_at)
        return response


def cache_control(expires_at):
    """Browsers and CDNs may keep the page a while, but never past its expiry."""
    remaining = max(0, int(expires_at - time.time()))
    browser = min(_setting("PAGE_CACHE_BROWSER_MAX_AGE", 60), remaining)
    shared = min(_setting("PAGE_CACHE_CDN_MAX_AGE", 300), remaining)
    return f"public, max-age={browser}, s-maxage={shared}"


def serve_cached_pages(application):
    """The WSGI application, answering a hit on a page in this process's memory itself.

    A hit through Django costs more than the page: its request and response objects,
    its signals, the middleware above the page cache. This answers it first, with
    what the middleware would send: it builds Django's own request object (so the
    path, host and scheme are Django's) and asks the middleware's own rules
    (`may_use_cache`, `cache_key`, `is_current`). Anything else goes to Django: any
    request the middleware would not answer from the cache, a page that is only in
    the shared cache, and every request while the content version is due to be read
    again, so that the database is only ever used inside Django's request cycle.
    """

    def serve(environ, start_response):
        try:
            hit = cached_hit(environ)
        except Exception:
            # Django answers instead, as it would without this (a 500 with every header).
            logger.exception("Page cache: a hit could not be answered before Django")
            hit = None
        if hit is None:
            return application(environ, start_response)
        status, headers, body = hit
        start_response(status, headers)
        return [body]

    return serve


def cached_hit(environ):
    """(status, headers, body) for a hit from this process's memory, else None."""
    generation = known_generation()
    if generation is None:
        return None
    # A copy: Django's own request for this environ must decode the path itself.
    request = WSGIRequest(dict(environ))
    if not PageCacheMiddleware.may_use_cache(request):
        return None
    try:
        key = PageCacheMiddleware.cache_key(request)
    except DisallowedHost:
        return None  # Django answers 400
    entry = recent_pages.get(key) if key is not None else None
    if not is_current(entry, generation):
        return None
    _generation, expires_at, status, headers, content = entry
    return (
        f"{status} {HTTPStatus(status).phrase}",
        [*headers, ("Cache-Control", cache_control(expires_at))],
        b"" if request.method == "HEAD" else content,
    )
