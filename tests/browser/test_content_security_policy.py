"""The Content-Security-Policy blocks nothing the site or the Wagtail admin needs.

Chromium reports every blocked script, style, image or frame on the console with
"Content Security Policy" in the message; these tests fail on any such report.
"""

import pytest

CSP_REPORT = "Content Security Policy"


@pytest.fixture
def csp_violations(browser_page):
    violations = []
    browser_page.on(
        "console",
        lambda message: CSP_REPORT in message.text and violations.append(message.text),
    )
    browser_page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    return violations


@pytest.fixture
def signed_in_editor(site_url, browser_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-passphrase")
    browser_page.goto(site_url + "/admin/login/")
    browser_page.get_by_label("Username").fill("editor")
    browser_page.get_by_label("Password").fill("a-passphrase")
    browser_page.get_by_role("button", name="Sign in").click()
    browser_page.wait_for_url(site_url + "/admin/")
    return browser_page


def test_public_pages_run_under_the_strict_policy(site_url, browser_page, csp_violations):
    for path in ("/", "/priorities/", "/priorities/a-decent-home-for-everyone/", "/values/"):
        response = browser_page.goto(site_url + path)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        browser_page.wait_for_load_state("networkidle")

    assert csp_violations == []


def test_an_editor_uses_the_dashboard_editor_and_image_chooser_without_violations(
    site_url, signed_in_editor, csp_violations
):
    from pages.models import HomePage

    page = signed_in_editor
    assert page.get_by_role("heading", level=1).first.is_visible()
    page.wait_for_load_state("networkidle")

    page.goto(f"{site_url}/admin/pages/{HomePage.objects.get().pk}/edit/")
    page.wait_for_load_state("networkidle")
    title = page.locator("#id_title")
    assert title.input_value() == "Our vision for a fairer Islington"

    # The home page has a hero image: change it through the chooser's actions menu.
    page.locator("#id_hero_image-chooser").get_by_role("button", name="Actions").click()
    page.get_by_role("button", name="Change image").click()
    chooser = page.locator(".modal-content")
    chooser.wait_for()
    chooser.locator("a[data-chooser-modal-choice]").first.click()
    chooser.wait_for(state="hidden")
    assert page.locator("#id_hero_image").input_value() != ""
    page.wait_for_load_state("networkidle")

    assert csp_violations == []
