"""A communications editor checks their work beside the editor before sending it for approval.

The live preview panel frames the page as residents will see it, under the
public pages' strict Content-Security-Policy, except that the admin's own origin
may frame it. The Checks panel reads its word count, reading time and
accessibility issues from that frame, so it only works when the frame does.
"""

import re

from playwright.sync_api import expect
from wagtail.models import Page
from wagtail.rich_text import RichText

from pages.models import StandardPage

PREVIEW_FRAME = "iframe[data-w-preview-target='iframe']"


def open_side_panel(page, name):
    """Open a side panel of the page editor. The admin reopens the last panel an
    editor used on the next page they edit, so it may be open already: by the load
    event its script has done so. (Not "networkidle": an open preview keeps asking.)"""
    page.wait_for_load_state("load")
    toggle = page.get_by_role("button", name=f"Toggle {name}")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def one_page_of_each_type():
    pages = {}
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        pages.setdefault(type(page), page)
    return list(pages.values())


def test_the_preview_panel_shows_every_page_type_with_its_heading(site_url, editor):
    blocked = []
    editor.on(
        "console",
        lambda message: "Content Security Policy" in message.text and blocked.append(message.text),
    )
    pages = one_page_of_each_type()
    assert len(pages) >= 7
    for page in pages:
        editor.goto(f"{site_url}/admin/pages/{page.pk}/edit/")
        open_side_panel(editor, "preview")
        # The panel loads a fresh frame after the old one, then removes the old one.
        frame = editor.locator(PREVIEW_FRAME).last.content_frame
        heading = frame.get_by_role("heading", level=1)
        expect(heading, f"{type(page).__name__} preview").to_have_text(page.title, timeout=20_000)
    assert blocked == []


def test_the_checks_panel_counts_words_and_reports_issues(site_url, editor):
    page = StandardPage.objects.get(slug="accessibility")
    editor.goto(f"{site_url}/admin/pages/{page.pk}/edit/")
    open_side_panel(editor, "checks")
    panel = editor.locator("[data-side-panel='checks']")
    expect(panel.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d+$"))
    expect(panel.locator("[data-content-reading-time]")).to_have_text(re.compile(r"\d"))


def test_each_block_previews_in_the_block_picker(site_url, editor):
    page = StandardPage.objects.get(slug="accessibility")
    editor.goto(f"{site_url}/admin/pages/{page.pk}/edit/")
    editor.locator("#panel-child-content-body-content button[title='Insert a block']").first.click()
    preview_buttons = editor.locator(".w-combobox").get_by_role("button", name="Preview")
    expect(preview_buttons.first).to_be_visible()
    assert preview_buttons.count() >= 4
    for index in range(preview_buttons.count()):
        preview_buttons.nth(index).click()
        frame = editor.locator("iframe[src*='/admin/block-preview/']").last.content_frame
        expect(frame.locator("main [class*='block-']")).to_be_visible()


def test_the_checks_panel_reports_link_text_that_says_click_here(site_url, editor):
    page = StandardPage.objects.get(slug="accessibility")
    page.body.append(
        (
            "paragraph",
            RichText(
                '<p>For our housing strategy <a href="https://example.org/">click here</a>.</p>'
            ),
        )
    )
    page.save_revision()  # a draft: the editor opens it, residents do not see it

    editor.goto(f"{site_url}/admin/pages/{page.pk}/edit/")
    open_side_panel(editor, "checks")
    panel = editor.locator("[data-side-panel='checks']")
    expect(panel.locator("[data-content-checker-count]")).to_have_text("1")
    expect(panel).to_contain_text("Link text does not say where it goes")
    editor.screenshot(path=".tmp/checks-panel.png")
