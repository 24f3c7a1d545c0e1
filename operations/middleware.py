"""Middleware for the public internet: response headers, and a calm 503 without the database."""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class PermissionsPolicyMiddleware:
    """Tell browsers that no page here may use the camera, microphone, location and so on.

    Django has no setting for this header; the policy is PERMISSIONS_POLICY, a
    mapping of feature to allow-list (an empty list denies the feature everywhere).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
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
    if request is not None and isinstance(error, DATABASE_UNAVAILABLE):
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
