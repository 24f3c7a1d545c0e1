"""An editor changes a commitment and submits it; an approver approves it; residents see it."""

import re

import pytest
from playwright.sync_api import expect

from editorial.tests.utils import APPROVERS, EDITORS, ensure_roles, make_user
from priorities.models import PriorityPage
from tests.browser.conftest import sign_in

NEW_COMMITMENT = "Building 1,000 new council homes by 2030"


@pytest.fixture
def publishing_team(site_url):
    """The roles (the live server's database was flushed) and one user for each."""
    ensure_roles()
    make_user("editor", EDITORS)
    make_user("approver", APPROVERS)


def open_actions_menu(page):
    page.locator("footer .w-dropdown__toggle").first.click()


def test_an_editor_submits_a_change_an_approver_approves_it_and_it_goes_live(
    site_url, chromium, publishing_team
):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    edit_url = f"{site_url}/admin/pages/{priority.pk}/edit/"

    editor = sign_in(chromium, site_url, "editor")
    editor.goto(edit_url)
    first_commitment = editor.locator("#commitments-0-value-text")
    expect(first_commitment).to_be_visible()
    first_commitment.fill(NEW_COMMITMENT)
    open_actions_menu(editor)
    editor.get_by_role("button", name="Submit to Communications approval").click()
    expect(editor.locator(".messages")).to_contain_text(
        "Sent for approval to Communications approvers"
    )
    editor.context.close()

    approver = sign_in(chromium, site_url, "approver")
    approver.goto(edit_url)
    expect(approver.locator("#commitments-0-value-text")).to_have_value(NEW_COMMITMENT)
    open_actions_menu(approver)
    approver.get_by_role("button", name="Approve and Publish").click()
    # Approving the last task publishes the page and returns to the page listing.
    expect(approver).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    expect(approver.locator(".messages")).to_contain_text("Approved and published")

    approver.goto(site_url + priority.url)
    expect(approver.locator("main")).to_contain_text(NEW_COMMITMENT)
    approver.context.close()
