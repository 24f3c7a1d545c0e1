from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

# Admin addresses a signed-in user may open before entering a code: signing out,
# the code form, the set-up page, and the assets those pages need.
OPEN_ADMIN_URL_NAMES = {
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "editorial_two_factor_verify",
    "editorial_two_factor_setup",
}


def is_half_signed_in(user):
    """Signed in with a password, but the second factor is missing: the user has an
    authenticator app and has not entered its code, or two-factor sign-in is required."""
    if not user.is_authenticated or user.is_verified():
        return False
    return settings.WAGTAIL_2FA_REQUIRED or user_has_device(user, confirmed=True)


class AdminTwoFactorMiddleware:
    """Two-factor sign-in.

    A user who has set up an authenticator app must enter a code after their
    password. With WAGTAIL_2FA_REQUIRED, a user without one must set it up
    before the admin opens. Until then the admin sends them to the code (or
    set-up) page, and everywhere else they count as anonymous: pages and
    documents restricted to signed-in users stay closed to them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(reverse("wagtailadmin_home")) and is_half_signed_in(
            request.user
        ):
            request.user = AnonymousUser()
            request.auser = self.anonymous_user
        redirect_to = self.redirect_for(request)
        if redirect_to:
            return redirect(f"{reverse(redirect_to)}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    async def anonymous_user():
        return AnonymousUser()

    def redirect_for(self, request):
        admin_prefix = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_prefix):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if self.url_name(request) in OPEN_ADMIN_URL_NAMES:
            return None
        if user_has_device(user, confirmed=True):
            return "editorial_two_factor_verify"
        if settings.WAGTAIL_2FA_REQUIRED:
            return "editorial_two_factor_setup"
        return None

    @staticmethod
    def url_name(request):
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
