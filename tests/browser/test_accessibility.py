"""What a resident using a keyboard, a screen reader or a small phone meets on every page type.

Each test seeds the site once and visits every page type in turn, so the whole
file needs only a handful of seeded live-server set-ups.
"""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from pages.factories import NotificationBannerFactory
from pages.models import NotificationBanner

# One page of each page type the editors make (these are also translated).
CONTENT_PAGE_TYPES = {
    "home page": "/",
    "priorities index": "/priorities/",
    "priority page": "/priorities/a-decent-home-for-everyone/",
    "values page": "/values/",
    "inequality page": "/challenging-inequality/",
    "partnership page": "/fairer-together/",
    "standard page (accessibility statement)": "/accessibility/",
}
PAGE_TYPES = {
    **CONTENT_PAGE_TYPES,
    "search results": "/search/?q=Islington",
    "search without results": "/search/?q=zzyzxqwv",
    "empty search": "/search/",
    "404 page": "/no-such-page/",
    "feedback confirmation": "/feedback/thanks/",
}

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture
def with_banner(site_url):
    """An emergency banner, so axe and the small screen see it too."""
    NotificationBannerFactory(
        level=NotificationBanner.Level.EMERGENCY,
        message='<p>Flooding on Upper Street: <a href="https://www.islington.gov.uk/">'
        "find out which roads are closed</a>.</p>",
    )
    return site_url


def test_no_page_type_has_an_axe_violation(with_banner, browser_page):
    axe = Axe()
    reports = {}
    for name, path in PAGE_TYPES.items():
        browser_page.goto(with_banner + path)
        results = axe.run(browser_page, options=AXE_OPTIONS)
        if results.violations_count:
            reports[name] = results.generate_report()

    assert reports == {}


def test_nothing_scrolls_sideways_on_a_320_pixel_screen(with_banner, chromium):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for name, path in PAGE_TYPES.items():
        page.goto(with_banner + path)
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            too_wide[name] = scroll_width
    context.close()

    assert too_wide == {}


FOCUS_STYLE = """element => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineColor, style.boxShadow, style.backgroundColor,
            style.color].join(" | ");
}"""


def test_a_keyboard_user_skips_to_the_content_and_reaches_every_navigation_link(
    site_url, browser_page
):
    browser_page.goto(site_url + "/priorities/")
    nav_links = browser_page.get_by_role("navigation", name="Main").get_by_role("link")
    unfocused_styles = [nav_links.nth(i).evaluate(FOCUS_STYLE) for i in range(nav_links.count())]

    browser_page.keyboard.press("Tab")
    skip_link = browser_page.locator(":focus")
    assert skip_link.inner_text() == "Skip to main content"
    assert skip_link.is_visible()
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main-content"

    browser_page.goto(site_url + "/priorities/")
    reached = []
    for _ in range(20):
        browser_page.keyboard.press("Tab")
        focused = browser_page.locator(":focus")
        if focused.evaluate("element => element.closest('nav[aria-label=Main]') !== null"):
            index = len(reached)
            assert focused.evaluate(FOCUS_STYLE) != unfocused_styles[index], (
                f"no visible focus on {focused.inner_text()}"
            )
            reached.append(focused.inner_text())
        if len(reached) == nav_links.count():
            break

    assert reached == nav_links.all_inner_texts()


def test_the_banner_appears_and_disappears_with_its_times(site_url, browser_page):
    now = timezone.now()
    banner = NotificationBannerFactory(
        message="<p>The customer centre closes early today.</p>",
        starts_at=now + timedelta(hours=1),
    )
    region = browser_page.get_by_role("region", name="Important")

    browser_page.goto(site_url + "/")
    assert region.count() == 0  # not started yet

    banner.starts_at = timezone.now() - timedelta(seconds=1)
    banner.ends_at = timezone.now() + timedelta(seconds=2)
    banner.save()
    browser_page.goto(site_url + "/values/")
    assert region.inner_text().endswith("The customer centre closes early today.")

    browser_page.wait_for_timeout(max(0, (banner.ends_at - timezone.now()).total_seconds()) * 1000)
    browser_page.goto(site_url + "/values/")
    assert region.count() == 0  # its end time has passed


def test_a_resident_says_a_page_is_not_useful_without_javascript(site_url, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/fairer-together/")

    page.get_by_role("group", name="Is this page useful?").get_by_label("No").check()
    page.get_by_label("How could we improve this page? (optional)").fill("Name the partners.")
    page.get_by_role("button", name="Send feedback").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Thank you for your feedback"
    page.get_by_role("link", name="Go back to “Fairer Together").click()
    assert page.url == site_url + "/fairer-together/"
    assert context.cookies() == []
    context.close()
