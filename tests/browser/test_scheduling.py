"""An approver schedules a page to go live at a chosen minute, and an editor sets a review date."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from editorial.models import ContentReview
from editorial.tests.utils import APPROVERS, EDITORS, ensure_roles, make_user
from pages.models import StandardPage
from tests.browser.conftest import sign_in
from tests.browser.test_publishing_workflow import open_actions_menu


@pytest.fixture
def team(site_url):
    ensure_roles()
    make_user("editor", EDITORS)
    make_user("approver", APPROVERS)


def test_an_approver_schedules_a_page_to_the_minute(site_url, chromium, team):
    page = StandardPage.objects.get(slug="accessibility")
    go_live = (timezone.localtime() + datetime.timedelta(days=7)).replace(
        hour=9, minute=5, second=0, microsecond=0
    )
    approver = sign_in(chromium, site_url, "approver")
    approver.goto(f"{site_url}/admin/pages/{page.pk}/edit/")
    approver.get_by_role("button", name="Toggle status").click()
    approver.get_by_role("button", name="Set schedule").click()
    dialog = approver.get_by_role("dialog", name="Set publishing schedule")

    # One picker, for minutes as well as hours, and it hides nothing the approver needs.
    go_live_field = dialog.get_by_label("Go live date/time")
    go_live_field.click()
    assert approver.locator(".xdsoft_datetimepicker:visible").count() == 0
    go_live_field.fill(go_live.strftime("%Y-%m-%dT%H:%M"))
    approver.screenshot(path=".tmp/schedule-dialog.png")
    dialog.get_by_role("button", name="Save schedule").click()

    open_actions_menu(approver)
    approver.get_by_role("button", name="Schedule to publish").click()

    expect(approver.locator(".messages")).to_contain_text(
        f"Scheduled to go live at 9:05 on {go_live.day} {go_live:%B}"
    )
    revision = StandardPage.objects.get(pk=page.pk).get_latest_revision()
    assert timezone.localtime(revision.approved_go_live_at) == go_live
    approver.context.close()


def test_an_editor_picks_a_review_date(site_url, chromium, team):
    page = StandardPage.objects.get(slug="accessibility")
    errors = []
    editor = sign_in(chromium, site_url, "editor")
    editor.on("pageerror", lambda error: errors.append(str(error)))
    editor.goto(f"{site_url}/admin/pages/{page.pk}/review-date/")

    review_by = timezone.localdate() + datetime.timedelta(days=90)
    editor.get_by_label("Review by").fill(review_by.isoformat())
    editor.get_by_role("button", name="Save review date").click()

    expect(editor.locator(".messages")).to_contain_text(f"{review_by:%d %B %Y}")
    assert ContentReview.objects.get(page=page).review_by == review_by
    assert errors == []
    editor.context.close()
