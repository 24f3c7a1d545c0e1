"""Real-browser tests: Debian's Chromium driven by Playwright, against a live server.

Playwright cannot download its own browsers here, so the tests use the system
Chromium that .ci/run installs. Without it they are skipped locally, and they
fail in CI (CI=true), where a skip would hide a missing install step.
"""

import os
from pathlib import Path
from unittest import mock
from urllib.request import urlopen

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread

from editorial.tests.utils import EDITORS, ensure_roles, make_user
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.wagtail_roots import recreate_wagtail_roots

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make there are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


class OneRequestAtATime(WSGIServer):
    """The live server, answering one request at a time.

    On SQLite the test database lives in memory, and the server's threads share
    the test's one connection to it: the browser's parallel requests (the preview
    frame, the editing-session pings, the admin's scripts) then used it at once
    and SQLite failed with "bad parameter or other API misuse". Django's server
    closes each connection when it is not threaded, so no request waits on another
    browser connection.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _live_server_safe_for_an_in_memory_database(django_db_setup):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with mock.patch.object(LiveServerThread, "server_class", OneRequestAtATime):
            yield
    else:
        yield


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package.")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_url(live_server, transactional_db, chromium):
    """The seeded site, served by a live server the browser can reach."""
    recreate_wagtail_roots()
    with open(os.devnull, "w") as devnull:
        call_command("load_seed_content", stdout=devnull)
    yield live_server.url
    # The test's database is emptied next: nothing may still be using it. An open
    # editor keeps pinging, so close every tab, then wait for what they left
    # behind: a request of our own is answered after those already sent.
    for context in chromium.contexts:
        context.close()
    urlopen(live_server.url + "/healthz", timeout=60).read()  # noqa: S310 - our live server


@pytest.fixture
def browser_page(chromium):
    """A fresh browser tab with its own cookies, at a desktop size."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def sign_in(chromium, site_url, username):
    """A new browser tab signed in to the admin as `username` (password "password")."""
    from playwright.sync_api import expect

    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(site_url + "/admin/")
    return page


@pytest.fixture
def editor(site_url, chromium):
    """A communications editor, signed in to the admin in a tab of their own."""
    ensure_roles()
    make_user("editor", EDITORS)
    page = sign_in(chromium, site_url, "editor")
    yield page
    page.context.close()
