"""The headline side door, closed: an editor cannot swap the home page's hero picture;
an approver can, at once, and residents see it."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.images import get_image_model

from editorial.tests.utils import APPROVERS, EDITORS, ensure_roles, make_user
from pages.models import HomePage

from .conftest import sign_in

OTHER_PICTURE = Path("seed/images/fairer-together-logo.png").resolve()
SCREENSHOTS = Path(".tmp/screenshots")


@pytest.fixture
def hero_uploaded_by_the_editor(site_url):
    """Roles and users (the live server's database was flushed), and the worst case:
    the editor uploaded the hero picture, so "edit what you uploaded" would apply."""
    ensure_roles()
    editor = make_user("editor", EDITORS)
    make_user("approver", APPROVERS)
    hero = get_image_model().objects.get(pk=HomePage.objects.get().hero_image_id)
    hero.uploaded_by_user = editor
    hero.save()
    return hero


def hero_src(page, site_url):
    page.goto(site_url + "/")
    return page.locator(".hero__image img").get_attribute("src")


def test_an_editor_cannot_replace_the_hero_picture_an_approver_can(
    site_url, chromium, hero_uploaded_by_the_editor
):
    hero = hero_uploaded_by_the_editor
    edit_url = f"{site_url}/admin/images/{hero.pk}/"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    editor = sign_in(chromium, site_url, "editor")
    before = hero_src(editor, site_url)
    assert "/media/images/hero" in before
    editor.goto(edit_url)
    # Refused, with the reason and what to do instead, and no file input anywhere.
    expect(editor).to_have_url(re.compile(r"/admin/images/$"))
    expect(editor.locator(".messages")).to_contain_text("only a Communications approver")
    expect(editor.locator('input[type="file"]')).to_have_count(0)
    editor.screenshot(path=SCREENSHOTS / "editor-refused-hero.png", full_page=True)
    assert hero_src(editor, site_url) == before
    editor.context.close()

    approver = sign_in(chromium, site_url, "approver")
    approver.goto(edit_url)
    note = approver.locator("#w-editor-form .help-block")
    expect(note).to_contain_text("only Communications approvers")
    approver.screenshot(path=SCREENSHOTS / "approver-edits-hero.png", full_page=True)
    approver.locator('input[name="file"]').set_input_files(OTHER_PICTURE)
    approver.get_by_role("button", name="Save").click()
    expect(approver.locator(".messages")).to_contain_text("updated")
    after = hero_src(approver, site_url)
    assert after != before
    assert "fairer-together-logo" in after
    approver.context.close()
