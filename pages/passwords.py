"""Shared passwords on private pages and document collections, throttled like the admin
sign-in: django-axes counts wrong passwords per restriction and visitor address, and
after AXES_FAILURE_LIMIT of them (5) that visitor waits AXES_COOLOFF_TIME (15 minutes)
for that restriction, with a clear 429 page. The attempts live in the database, so
every worker and every app server counts together.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.template.response import TemplateResponse
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views


def _credentials(kind, restriction_id):
    # Axes locks out a (username, address) pair: the restriction stands in for the username.
    return {settings.AXES_USERNAME_FORM_FIELD: f"{kind}-password-{restriction_id}"}


def _too_many_attempts(request):
    request.axes_locked_out = False  # our page, not the admin's sign-in lock-out page
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return TemplateResponse(
        request, "pages/too_many_password_attempts.html", {"minutes": minutes}, status=429
    )


def _throttled(request, kind, restriction_id, check_password):
    if request.method != "POST":
        return check_password()
    credentials = _credentials(kind, restriction_id)
    if AxesProxyHandler.is_locked(request, credentials):
        return _too_many_attempts(request)
    response = check_password()
    if response.status_code == 302:  # the password was right
        AxesProxyHandler.reset_attempts(
            ip_address=request.axes_ip_address,
            username=credentials[settings.AXES_USERNAME_FORM_FIELD],
        )
        return response
    AxesProxyHandler.user_login_failed(sender=_throttled, credentials=credentials, request=request)
    if AxesProxyHandler.is_locked(request, credentials):
        return _too_many_attempts(request)
    return response


def page_password(request, page_view_restriction_id, page_id):
    return _throttled(
        request,
        "page",
        page_view_restriction_id,
        lambda: wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        ),
    )


def document_password(request, restriction_id):
    return _throttled(
        request,
        "collection",
        restriction_id,
        lambda: document_views.authenticate_with_password(request, restriction_id),
    )
