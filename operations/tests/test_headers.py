"""Every response tells browsers to be strict, and visitors get no cookies."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.test import Client
from wagtail.models import Page

from pagecache.middleware import PageCacheMiddleware

PROJECT_DIR = Path(__file__).resolve().parents[2]


def directives(header):
    """A CSP header as {directive: [values]}."""
    policy = {}
    for part in header.split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


@pytest.fixture
def public_urls(seeded_site):
    return [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]


def test_public_pages_forbid_inline_code_framing_and_plugins(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response.headers["Content-Security-Policy"])

        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["default-src"] == ["'self'"]


def test_public_pages_send_the_other_security_headers(client, seeded_site):
    response = client.get("/")

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert f"{feature}=()" in permissions


def test_anonymous_visitors_get_no_cookies(client, public_urls):
    for url in [*public_urls, "/no-such-page/", "/healthz", "/?page=2"]:
        response = client.get(url)
        assert response.cookies == {}, f"{url} set {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers, url
    assert client.cookies == {}


def test_the_admin_gets_its_own_policy_and_strict_cookies(client, seeded_site):
    response = client.get("/admin/login/")

    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    csrf_cookie = response.cookies["csrftoken"]
    assert csrf_cookie["httponly"] is True
    assert csrf_cookie["samesite"] == "Lax"


def test_an_editor_signing_in_gets_an_httponly_samesite_session(client, admin_user):
    response = client.post("/admin/login/", {"username": "admin", "password": "password"})

    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["httponly"] is True
    assert session_cookie["samesite"] == "Lax"


def test_production_sends_hsts_and_secure_cookies():
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment["DJANGO_SECRET_KEY"] = "a-long-random-value-for-this-test-only"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import islington.settings.production as s; print(s.SECURE_HSTS_SECONDS, "
            "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY)",
        ],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    hsts_seconds, *flags = result.stdout.split()
    assert int(hsts_seconds) >= 365 * 24 * 3600
    assert flags == ["True"] * 5


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
)


def test_a_page_from_the_page_cache_keeps_every_security_header(client, seeded_site):
    rendered = client.get("/values/")
    cached = client.get("/values/")

    assert (rendered["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    for header in SECURITY_HEADERS:
        assert cached[header] == rendered[header], header


SECURITY_HEADERS = {
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
}


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["evil.example", "localhost:abc", "[::1", "a" * 300])
def test_the_400_for_an_unknown_host_is_as_strict_as_any_page(host):
    response = Client(raise_request_exception=False).get("/", HTTP_HOST=host)

    assert response.status_code == 400
    assert set(response.headers) >= SECURITY_HEADERS
    # WSGI servers refuse anything but str (an enum member made runserver answer 500).
    assert all(type(name) is str for name in response.headers)
    assert directives(response.headers["Content-Security-Policy"])["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_an_error_before_the_header_middleware_still_carries_the_headers(seeded_site):
    with mock.patch.object(PageCacheMiddleware, "may_use_cache", side_effect=RuntimeError("a bug")):
        response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert set(response.headers) >= SECURITY_HEADERS


@pytest.mark.django_db
def test_the_headers_a_view_chose_are_kept(client, seeded_site):
    response = client.get("/admin/login/")

    assert "'unsafe-inline'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


# The header as the site sent it before django-permissions-policy wrote it: unchanged.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)


@pytest.mark.django_db
def test_every_kind_of_response_sends_the_same_permissions_policy(seeded_site):
    visitor = Client(raise_request_exception=False)
    responses = {
        "page": visitor.get("/values/"),
        "cached page": visitor.get("/values/"),
        "not found": visitor.get("/no-such-page/"),
        "unknown host": visitor.get("/", HTTP_HOST="evil.example"),
        "admin": visitor.get("/admin/login/"),
        "api": visitor.get("/api/v2/pages/"),
        "health": visitor.get("/healthz"),
    }
    with mock.patch.object(PageCacheMiddleware, "may_use_cache", side_effect=RuntimeError):
        responses["error above the header middlewares"] = visitor.get("/")

    assert responses["cached page"]["X-Page-Cache"] == "hit"
    assert responses["error above the header middlewares"].status_code == 500
    for kind, response in responses.items():
        assert response.headers["Permissions-Policy"] == PERMISSIONS_POLICY, kind
