"""Who is asking: the visitor's address, as the trusted proxies in front of the site pass it on.

Behind a proxy or load balancer every request arrives from the proxy's address,
so counting by REMOTE_ADDR would put every resident in one bucket. Each proxy
appends the address it received the request from to X-Forwarded-For; with
TRUSTED_PROXY_COUNT proxies of our own in front of the site, the visitor's
address is that many entries from the right. Entries further left were written
by the client and can say anything, so they are never used. With no trusted
proxy (the default) the header is ignored entirely.
"""

from ipaddress import ip_address

from django.conf import settings


def client_address(request):
    """The address of the client that connected to our outermost trusted proxy."""
    connected = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return connected
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < trusted:
        return connected  # not through all our proxies: the connection is all we know
    candidate = forwarded[-trusted]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return connected
