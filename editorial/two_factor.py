"""Two-factor sign-in pages in the admin: set up an authenticator app, enter a code."""

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import OneTimeCodeForm

DEVICE_NAME = "Authenticator app"


def safe_next_url(request):
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return next_url
    return ""


def qr_code_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def setup(request):
    """Link an authenticator app to the signed-in user: scan, then confirm one code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        messages.info(request, "Two-factor sign-in is already on for your account.")
        return redirect("wagtailadmin_home")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = OneTimeCodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Two-factor sign-in is on. You will need a code each time.")
            return redirect(safe_next_url(request) or "wagtailadmin_home")
        form.add_error(
            "code", "That code did not match. Check the time on your phone and try again."
        )
    context = {
        "form": form,
        "qr_code": qr_code_svg(device.config_url),
        "secret": device.key,
        "required": settings.WAGTAIL_2FA_REQUIRED,
        "next": safe_next_url(request),
    }
    return TemplateResponse(request, "editorial/two_factor_setup.html", context)


def verify(request):
    """The second step of signing in, for users with an authenticator app."""
    form = OneTimeCodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(safe_next_url(request) or "wagtailadmin_home")
        form.add_error("code", "That code did not match. Enter the code your app shows now.")
    context = {"form": form, "next": safe_next_url(request)}
    return TemplateResponse(request, "editorial/two_factor_verify.html", context)
