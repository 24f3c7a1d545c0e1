"""Middleware for the public internet: response headers, and a calm 503 without the database."""

import logging
import sqlite3
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP, build_policy
from django_permissions_policy import PermissionsPolicyMiddleware

logger = logging.getLogger(__name__)

# SQLite has no connection to lose: its equivalent is a database file that cannot
# be opened, read or locked. Any other SQLite error (a syntax error, say) is a bug.
SQLITE_UNAVAILABLE = (
    "SQLITE_CANTOPEN",
    "SQLITE_IOERR",
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_NOTADB",
    "SQLITE_CORRUPT",
)
# PostgreSQL: connection exceptions (SQLSTATE class 08) and the server shutting down.
POSTGRES_UNAVAILABLE = ("08", "57P01", "57P02", "57P03")


def is_lost_connection(error):
    """True when the database cannot be reached at all, rather than refusing one query.

    Django raises OperationalError for both (SQLite's full-text search syntax errors
    included), so the database driver's own error, which Django chains as the cause,
    decides.
    """
    if isinstance(error, InterfaceError):  # the connection is already closed
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if isinstance(cause, sqlite3.Error):
        return getattr(cause, "sqlite_errorname", "").startswith(SQLITE_UNAVAILABLE)
    sqlstate = getattr(cause, "sqlstate", "")
    if sqlstate is None:  # psycopg's own errors: it never reached the server, or lost it
        return True
    if sqlstate:
        return sqlstate.startswith(POSTGRES_UNAVAILABLE)
    return True  # another backend's error: taken for an outage, as before


def permissions_policy_header():
    """PERMISSIONS_POLICY as django-permissions-policy writes it, so both agree."""
    return PermissionsPolicyMiddleware.compute_header_value(
        settings.PERMISSIONS_POLICY, name="PERMISSIONS_POLICY"
    )


class SecurityHeadersBackstopMiddleware:
    """First in MIDDLEWARE: every response leaves with the security headers.

    The header middlewares below add them to what passes through them, and the
    page cache serves the ones it stored. But a response made above them (the 400
    for an unknown Host, raised when the page cache asks for the host; any error
    in the page cache itself) never passes through them. This adds each header
    that is missing, from the same settings; a header already set is kept.
    Kept by hand: neither Django nor django-permissions-policy covers those responses.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy_header()

    def __call__(self, request):
        response = self.get_response(request)
        headers = response.headers
        admin = request.path.startswith(settings.ADMIN_CSP_PATH_PREFIX)
        policy = settings.ADMIN_SECURE_CSP if admin else settings.SECURE_CSP
        if policy and CSP.HEADER_ENFORCE not in headers:
            headers[str(CSP.HEADER_ENFORCE)] = build_policy(policy)  # WSGI needs str names
        if self.permissions_policy:
            headers.setdefault("Permissions-Policy", self.permissions_policy)
        if settings.SECURE_CONTENT_TYPE_NOSNIFF:
            headers.setdefault("X-Content-Type-Options", "nosniff")
        if settings.SECURE_REFERRER_POLICY:
            headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
            headers.setdefault(
                "Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
            )
        if not getattr(response, "xframe_options_exempt", False):
            headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if settings.SECURE_HSTS_SECONDS and request.is_secure():
            hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
            if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
                hsts += "; includeSubDomains"
            if settings.SECURE_HSTS_PRELOAD:
                hsts += "; preload"
            headers.setdefault("Strict-Transport-Security", hsts)
        return response


class AdminContentSecurityPolicyMiddleware:
    """Relax the Content-Security-Policy for the Wagtail admin only.

    The public site runs under SECURE_CSP, which allows no inline script or
    style and lets no page be framed. The admin's own JavaScript and templates
    still rely on inline code, so responses under ADMIN_CSP_PATH_PREFIX get
    ADMIN_SECURE_CSP instead.

    Wagtail's page preview runs the page through this middleware stack a second
    time, with a stand-in request for the page's public address (marked
    `is_dummy`). That inner response keeps the public policy, so the preview
    shows what residents will get, except that the admin may frame it:
    PREVIEW_SECURE_CSP. The outer admin response then keeps that header.

    A view that set its own policy (Django's csp_override decorators) keeps it.
    Kept by hand: Django's CSP middleware has one policy for every path, and Wagtail 8's
    admin still needs inline code.
    Place this below django.middleware.csp.ContentSecurityPolicyMiddleware so it
    runs before that middleware writes the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if hasattr(response, "_csp_config"):
            return response
        if getattr(request, "is_dummy", False):
            response._csp_config = settings.PREVIEW_SECURE_CSP
        elif request.path.startswith(settings.ADMIN_CSP_PATH_PREFIX):
            response._csp_config = settings.ADMIN_SECURE_CSP
        return response


def database_unavailable_response():
    """The friendly 503 page, rendered without a request so nothing can query the database."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


@receiver(got_request_exception)
def note_database_outage(sender, request=None, **kwargs):
    """Mark requests that failed because the database is unreachable.

    Django turns an exception raised in a view or in a middleware into a 500
    response at the layer that raised it, so DatabaseOutageMiddleware cannot
    catch it; this signal is sent while the exception is being handled.
    """

    error = sys.exc_info()[1]
    if request is not None and is_lost_connection(error):
        request.database_unavailable = True


class DatabaseOutageMiddleware:
    """With the database down, answer 503 with a static page instead of a 500.

    Place it below any page cache middleware (so cached pages are still served
    from the cache without reaching it) and above every middleware that may use
    the database (sessions, authentication, Wagtail's redirects).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_unavailable", False):
            logger.error("Database unavailable: answered %s with 503.", request.path)
            return database_unavailable_response()
        return response
