"""A resident reading About us in Arabic (right to left) or Turkish (left to right):
every page type passes axe, fits a 320 pixel screen, and the language switcher works
from the keyboard alone."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Page

from tests.browser.test_accessibility import AXE_OPTIONS, CONTENT_PAGE_TYPES
from tests.translations import draft_translation, translate_site

# Search, the 404 and the feedback pages are the site's own and have no language prefix.
PAGE_TYPES = CONTENT_PAGE_TYPES
LANGUAGES = ("ar", "tr")


@pytest.fixture
def translated_site_url(site_url):
    for language in LANGUAGES:
        translate_site(language)
    return site_url


def test_no_translated_page_type_has_an_axe_violation(translated_site_url, browser_page):
    axe = Axe()
    reports = {}
    for language in LANGUAGES:
        for name, path in PAGE_TYPES.items():
            browser_page.goto(f"{translated_site_url}/{language}{path}")
            results = axe.run(browser_page, options=AXE_OPTIONS)
            if results.violations_count:
                reports[f"{language}: {name}"] = results.generate_report()

    assert reports == {}


def test_no_translated_page_scrolls_sideways_on_a_320_pixel_screen(translated_site_url, chromium):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for language in LANGUAGES:
        for name, path in PAGE_TYPES.items():
            page.goto(f"{translated_site_url}/{language}{path}")
            scroll_width, inner_width = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll_width > inner_width:
                too_wide[f"{language}: {name}"] = scroll_width
    context.close()

    assert too_wide == {}


def test_an_arabic_page_reads_right_to_left(translated_site_url, browser_page):
    browser_page.goto(translated_site_url + "/ar/priorities/")

    assert browser_page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The heading starts at the right-hand edge of the page's column.
    heading = browser_page.locator("h1").bounding_box()
    column = browser_page.locator("main").bounding_box()
    assert abs((heading["x"] + heading["width"]) - (column["x"] + column["width"])) < 2


def test_a_resident_switches_language_with_the_keyboard(translated_site_url, browser_page):
    browser_page.goto(translated_site_url + "/priorities/a-decent-home-for-everyone/")

    # Tab from the top of the page until the Arabic link has the focus, then Enter.
    arabic = browser_page.get_by_role("link", name="العربية")
    for _ in range(30):
        browser_page.keyboard.press("Tab")
        if arabic.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("The Arabic link cannot be reached with the Tab key")
    browser_page.keyboard.press("Enter")

    expect(browser_page).to_have_url(
        translated_site_url + "/ar/priorities/a-decent-home-for-everyone/"
    )
    expect(browser_page.locator("html")).to_have_attribute("dir", "rtl")
    expect(browser_page.locator("h1")).to_have_text("منزل لائق للجميع")
    # And back: English is named in English, whatever the page's language.
    browser_page.get_by_role("link", name="English").focus()
    browser_page.keyboard.press("Enter")
    expect(browser_page).to_have_url(
        translated_site_url + "/priorities/a-decent-home-for-everyone/"
    )


def test_an_editor_submits_a_translation_for_approval(site_url, editor):
    """wagtail-localize's editor has no Submit button: the page's ⋯ menu in Pages has."""
    home = Page.objects.get(url_path="/home/").specific
    draft = draft_translation(home, "tr", "Daha adil bir Islington için vizyonumuz")

    editor.goto(f"{site_url}/admin/pages/{home.get_parent().pk}/")
    row = editor.get_by_role("row").filter(has_text="Daha adil bir Islington")
    row.get_by_role("button", name="More options").click()
    editor.get_by_role("link", name="Submit translation for approval").click()
    editor.get_by_role("button", name="Submit for approval").click()

    expect(editor.get_by_text("has been submitted for approval")).to_be_visible()
    assert draft.current_workflow_state.status == "in_progress"
    assert editor.request.get(site_url + "/tr/").status == 404  # not before an approver
