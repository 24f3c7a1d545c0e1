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

A request may read or fill the cache only when it is a GET or HEAD without a
session cookie (signed-in editors always have one, and so do visitors who
unlocked a password-protected page) and without a query string other than
tracking parameters. A response is stored only when Wagtail's page serving made
it, it is a 200 HTML page, and it sets no cookie and no Cache-Control of its own.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.db import Error as DatabaseError
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from wagtail import views as wagtail_views
from wagtail.models import Site

from .expiry import next_change
from .generation import current_generation, memoised_for_this_generation

# Links shared on social media carry these; they do not change the page.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
NEVER_CACHE = "private, no-store"


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
                entry = cache.get(key)
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
                list(response.items()),
                response.content,
            )
            cache.set(key, entry, timeout=max(1, int(expires_at - time.time())))
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

    def may_use_cache(self, request):
        if request.method not in ("GET", "HEAD") or self.is_private(request):
            return False
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return False  # files, served below by WhiteNoise or the media view
        if request.path in _setting("PAGE_CACHE_EXCLUDED_PATHS", ()):
            return False  # health checks: never wait on the database for the version
        if _setting("PAGE_CACHE_ALLOW_BYPASS_HEADER", False) and request.headers.get(
            "X-Bypass-Page-Cache"
        ):
            return False  # `make bench` measures cold renders this way
        return self.significant_query(request) == ""

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
        remaining = max(0, int(expires_at - time.time()))
        browser = min(_setting("PAGE_CACHE_BROWSER_MAX_AGE", 60), remaining)
        shared = min(_setting("PAGE_CACHE_CDN_MAX_AGE", 300), remaining)
        response["Cache-Control"] = f"public, max-age={browser}, s-maxage={shared}"
        # Signed-in editors get a different (private) answer: their session cookie.
        patch_vary_headers(response, ["Cookie"])

    def response_from(self, entry, request):
        _generation, expires_at, status, headers, content = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        self.add_public_headers(response, expires_at)
        response["X-Page-Cache"] = "hit"
        return response
