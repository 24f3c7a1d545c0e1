"""Keeps automated abuse out of the feedback form without a CSRF cookie.

Pages are served from a shared cache, so the form cannot carry a per-visitor
token. Instead a submission must come from one of our own pages (Origin or
Referer), leave the honeypot field empty, and stay under a per-client rate.
The rate is counted in the "ratelimit" cache, which every worker and server
shares (Redis, or a database table), per client address (operations.client).
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http.request import validate_host

from operations.client import client_address

HONEYPOT_FIELD = "website"
RATE_LIMIT = 10  # submissions per client ...
RATE_WINDOW_SECONDS = 10 * 60  # ... in this many seconds


def comes_from_our_site(request):
    """True when the browser says the form was sent from one of our hosts."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if source == "null":
        return False
    host = urlsplit(source).hostname
    if not host:
        return False
    if ":" in host:  # an IPv6 address, written as ALLOWED_HOSTS writes it
        host = f"[{host}]"
    return validate_host(host, settings.ALLOWED_HOSTS)


def honeypot_is_filled(data):
    """People never see the honeypot field; software that fills every field does."""
    return bool(data.get(HONEYPOT_FIELD, "").strip())


def is_rate_limited(request):
    """Count this submission and say whether the client has sent too many.

    The client's address is hashed before it is used as a cache key, and the
    count expires with the window: no personal data is kept.
    """
    cache = caches["ratelimit"]
    client = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()[:32]
    key = f"feedback-rate:{digest}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)
        count = 1
    if count is None:
        # Redis is unreachable (django-redis answers None): nothing was counted, so the
        # visitor is let through, as with the counter just created.
        return False
    return count > RATE_LIMIT
