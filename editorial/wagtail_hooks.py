from django.urls import path, reverse
from django_otp import user_has_device
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter

from . import approver_only, translations, two_factor, views
from .plain_messages import reword_queued_messages
from .who_does_what import roles_for


@hooks.register("register_admin_urls")
def editorial_admin_urls():
    return [
        path(
            "reports/content-reviews/",
            views.ContentReviewsReportView.as_view(),
            name="editorial_content_reviews",
        ),
        path(
            "reports/content-reviews/results/",
            views.ContentReviewsReportView.as_view(results_only=True),
            name="editorial_content_reviews_results",
        ),
        path(
            "pages/<int:page_id>/review-date/",
            views.edit_review_date,
            name="editorial_edit_review_date",
        ),
        path("two-factor/set-up/", two_factor.setup, name="editorial_two_factor_setup"),
        path("two-factor/verify/", two_factor.verify, name="editorial_two_factor_verify"),
        *approver_only.urlpatterns(),
        *translations.urlpatterns(),
        path(
            "two-factor/reset/<int:user_id>/",
            two_factor.reset,
            name="editorial_two_factor_reset",
        ),
    ]


@hooks.register("register_log_actions")
def register_owner_change(actions):
    @actions.register_action("editorial.change_owner")
    class ChangeOwnerFormatter(LogFormatter):
        """Shown in the page's history: who changed the owner, from whom to whom."""

        label = "Change owner"

        def format_message(self, log_entry):
            try:
                owner = log_entry.data["owner"]
                return f"Owner changed from '{owner['old']}' to '{owner['new']}'"
            except (KeyError, TypeError):
                return "Owner changed"


class ContentReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_content_reviews_report():
    return ContentReviewsMenuItem(
        "Content reviews due",
        reverse("editorial_content_reviews"),
        name="content-reviews",
        icon_name="time",
        order=650,
    )


class ReviewDateButton(PageMenuItem):
    label = "Review date and owner"
    icon_name = "time"
    url_name = "editorial_edit_review_date"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def review_date_button(page, user, view_name, next_url=None):
    """'Review date and owner' in the page editor's header menu, beside History."""
    yield ReviewDateButton(page=page, priority=66)


@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, view_name=None, next_url=None):
    """'Submit translation for approval' in the ⋯ menu of a translated page in Pages:
    wagtail-localize's translation editor, which replaces the page editor, shows no
    header menu of its own."""
    if translations.page_translation(page) and translations.may_submit(page, user):
        yield ListingButton(
            "Submit translation for approval",
            reverse("editorial_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=61,
        )


@hooks.register("register_account_settings_panel")
def two_factor_account_panel(request, user, profile):
    return two_factor.TwoFactorSettingsPanel(request, user, profile)


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    """Settings › Users › ⋯ › Reset two-factor sign-in, for someone who lost their phone."""
    if two_factor.may_reset(request_user) and user_has_device(user, confirmed=True):
        yield ListingButton(
            "Reset two-factor sign-in",
            reverse("editorial_two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        "editorial.two_factor_reset", "Reset two-factor sign-in", "Reset two-factor sign-in"
    )


class CouncilContentChecker(ContentCheckerItem):
    """The accessibility checker, run on our rules: alt text quality, heading order,
    link text and empty headings, plus Wagtail's other content checks."""

    axe_run_only = [
        "alt-text-quality",
        "image-alt",
        "heading-order",
        "empty-heading",
        "page-has-heading-one",
        "link-name",
        "button-name",
        "p-as-heading",
        "empty-meta-description",
        "link-text-vague",
    ]
    axe_custom_rules = [
        *ContentCheckerItem.axe_custom_rules,
        {
            "id": "link-text-vague",
            "impact": "serious",
            "selector": "a[data-link-text]",
            "tags": ["best-practice"],
            "none": ["check-vague-link-text"],
            "enabled": True,
        },
    ]
    axe_custom_checks = [
        *ContentCheckerItem.axe_custom_checks,
        {
            # axe's own "matches definition" check, run on links the preview marked
            # (editorial/link_text.py): axe cannot match text with a selector.
            "id": "check-vague-link-text",
            "evaluate": "matches-definition-evaluate",
            "options": {"matcher": {"attributes": {"data-link-text": "vague"}}},
        },
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "alt-text-quality": {
            "error_name": "Image alt text looks like a file name",
            "help_text": "Describe what the image shows, or mark the image as decorative.",
        },
        "image-alt": {
            "error_name": "Image has no alt text",
            "help_text": "Describe what the image shows, or mark the image as decorative.",
        },
        "heading-order": {
            "error_name": "Headings skip a level",
            "help_text": "Follow a level 2 heading with level 3, never level 4.",
        },
        "empty-heading": {
            "error_name": "Empty heading",
            "help_text": "Give every heading text, or remove it.",
        },
        "link-name": {
            "error_name": "Link has no text",
            "help_text": "Say where the link goes, for screen reader users.",
        },
        "link-text-vague": {
            "error_name": "Link text does not say where it goes",
            "help_text": "Replace 'click here' or 'read more' with words about the "
            "destination, such as 'read the housing strategy'.",
        },
        "page-has-heading-one": {
            "error_name": "Page has no main heading",
            "help_text": "Every page needs one level 1 heading: its title.",
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_council_content_checker(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem):
            items[index] = CouncilContentChecker(in_editor=item.in_editor)


class WhoDoesWhatPanel(Component):
    """The dashboard says which role the user has and what each role may do."""

    name = "who_does_what"
    template_name = "editorial/who_does_what_panel.html"
    order = 400  # below the pages awaiting review and the user's own pages

    def get_context_data(self, parent_context):
        return {"roles": roles_for(parent_context["request"].user)}


@hooks.register("construct_homepage_panels")
def add_who_does_what_panel(request, panels):
    panels.append(WhoDoesWhatPanel())


@hooks.register("after_edit_page")
def plain_english_workflow_messages(request, page):
    reword_queued_messages(request, page)
