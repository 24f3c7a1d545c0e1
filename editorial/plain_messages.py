"""Plain-English confirmations for the publishing workflow, in place of Wagtail's wording.

Wagtail says "submitted for moderation", "has been updated" after an approval
that published the page, and "scheduled for publishing" without saying when.
After each edit-page action (the after_edit_page hook, which runs once the
message is queued and before the redirect), the queued message's words are
replaced; Wagtail's buttons in it ("View live", "Edit") stay.
"""

import re

from django.utils import timezone
from django.utils.html import escape

# The page title as Wagtail renders it in a message: 'Title', HTML-escaped.
TITLE = r"Page &#x27;(?P<title>.*?)&#x27;"
PUBLISHED = re.compile(TITLE + r" has been published\.")
SCHEDULED = re.compile(
    TITLE + r" (?:is live and this version )?has been scheduled for publishing\."
)
SUBMITTED = re.compile(TITLE + r" has been submitted for moderation\.")
UPDATED = re.compile(TITLE + r" has been updated\.")


def when(moment):
    """9:00 on 1 December (and the year, when it is not this year)."""
    local = timezone.localtime(moment)
    text = f"{local.hour}:{local:%M} on {local.day} {local:%B}"
    if local.year != timezone.localdate().year:
        text += f" {local.year}"
    return text


def approver_groups(page):
    task = page.current_workflow_task
    groups = [group.name for group in task.specific.groups.all()] if task else []
    return " and ".join(groups) or "the approvers"


def plain_words(request, page, text):
    """The plain-English version of one of Wagtail's messages, or the text unchanged."""
    if match := SCHEDULED.search(text):
        revision = page.scheduled_revision
        if revision is not None and revision.approved_go_live_at:
            replacement = (
                f"Scheduled to go live at {when(revision.approved_go_live_at)}: "
                f"&#x27;{match['title']}&#x27;."
            )
            return SCHEDULED.sub(replacement, text)
    if match := PUBLISHED.search(text):
        return PUBLISHED.sub(
            f"Published: &#x27;{match['title']}&#x27;. Residents see it now.", text
        )
    if match := SUBMITTED.search(text):
        return SUBMITTED.sub(
            f"Sent for approval to {escape(approver_groups(page))}: &#x27;{match['title']}&#x27;.",
            text,
        )
    if match := UPDATED.search(text):
        action = request.POST.get("workflow-action-name")
        if action == "approve" and page.live and not page.has_unpublished_changes:
            return UPDATED.sub(
                f"Approved and published: &#x27;{match['title']}&#x27;. Residents see it now.",
                text,
            )
        if action == "reject":
            return UPDATED.sub(
                f"Changes requested: &#x27;{match['title']}&#x27; goes back to its editor "
                "with your comment.",
                text,
            )
    return text


def reword_queued_messages(request, page):
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", [])
    if not queued:
        return
    # The view's page object predates the submission or approval: read it afresh.
    page = type(page).objects.get(pk=page.pk)
    for message in queued:
        message.message = type(message.message)(plain_words(request, page, str(message.message)))
