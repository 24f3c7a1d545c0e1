"""Two-factor sign-in in the admin: set up an authenticator app, enter a code, and let an
administrator reset a lost device."""

import base64

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.log_actions import log

from .forms import OneTimeCodeForm

DEVICE_NAME = "Authenticator app"
WRONG_CODE = (
    "That code did not match. Check the time on your phone and enter the code it shows now."
)
TOO_MANY_TRIES = (
    "Too many wrong codes in a row. Wait a few seconds, then enter the code your app shows."
)


def safe_next_url(request):
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return next_url
    return ""


def manual_entry_key(device):
    """The secret as authenticator apps ask for it: base32, in groups of four, no padding."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(text):
    """An SVG QR code as a data: URI, so the page can give it alt text in an <img>."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def check_code(request, device, form):
    """Verify the form's code with the device; on failure, say why on the form."""
    if not form.is_valid():
        return False
    allowed, _details = device.verify_is_allowed()
    if device.verify_token(form.cleaned_data["code"]):
        return True
    # django-otp makes each try after a wrong code wait longer (1 s, 2 s, 4 s...).
    form.add_error("code", WRONG_CODE if allowed else TOO_MANY_TRIES)
    return False


def setup(request):
    """Link an authenticator app to the signed-in user: scan, then confirm one code."""
    if user_has_device(request.user, confirmed=True):
        messages.info(request, "Two-factor sign-in is already on for your account.")
        return redirect("wagtailadmin_account")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and check_code(request, device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(
            request, "Two-factor sign-in is on. Each time you sign in, you will enter a code."
        )
        return redirect(safe_next_url(request) or "wagtailadmin_account")
    context = {
        "form": form,
        "qr_code": qr_code_data_uri(device.config_url),
        "secret": manual_entry_key(device),
        "required": settings.WAGTAIL_2FA_REQUIRED,
        "next": safe_next_url(request),
    }
    return TemplateResponse(request, "editorial/two_factor_setup.html", context)


def verify(request):
    """The second step of signing in, for users with an authenticator app."""
    device = next(devices_for_user(request.user, confirmed=True), None)
    if device is None:
        return redirect(safe_next_url(request) or "wagtailadmin_home")
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and check_code(request, device, form):
        otp_login(request, device)
        return redirect(safe_next_url(request) or "wagtailadmin_home")
    context = {"form": form, "next": safe_next_url(request)}
    return TemplateResponse(request, "editorial/two_factor_verify.html", context)


def may_reset(request_user):
    return request_user.is_superuser


def reset(request, user_id):
    """An administrator turns off someone's two-factor sign-in, for a lost or new phone."""
    if not may_reset(request.user):
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    users_url = reverse("wagtailusers_users:index")
    if request.method == "POST":
        TOTPDevice.objects.filter(user=person).delete()
        log(person, "editorial.two_factor_reset")
        messages.success(
            request,
            f"Two-factor sign-in is off for {person.get_username()}. They can sign in with "
            "their password and set it up again from Account.",
        )
        return redirect(users_url)
    context = {"person": person, "users_url": users_url}
    return TemplateResponse(request, "editorial/two_factor_reset.html", context)


class NoFieldsForm(forms.Form):
    """The account page binds and saves a form for every panel; this panel has no fields."""

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)

    def save(self):
        pass


class TwoFactorSettingsPanel(BaseSettingsPanel):
    """Account › Profile opens with whether two-factor sign-in is on, and how to set it up."""

    name = "two-factor"
    title = "Two-factor sign-in"
    order = 50  # first, above name and email
    form_class = NoFieldsForm

    def render(self):
        return render_to_string(
            "editorial/two_factor_account_panel.html",
            {"is_on": user_has_device(self.user, confirmed=True)},
            request=self.request,
        )
