"""Each communications role reaches exactly the admin tools its job needs.

Editors write pages and read what residents say about them; approvers also run
the site: the notification banner and the redirects. Wagtail's default groups,
which nobody here uses, are gone.
"""

import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site, Workflow

from feedback.models import Feedback
from pages.models import NotificationBanner

from .utils import APPROVERS, EDITORS, SeededRolesTestCase, roles_migration


def admin_menu_labels(client):
    """The admin's main menu and its submenus (the sidebar's data), as the user sees them."""
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return props.group(1)


class CommunicationsToolsTests(SeededRolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.site = Site.objects.get(is_default_site=True)
        Feedback.objects.create(
            page_url="/priorities/", answer=Feedback.Answer.NO, comment="Say when the homes open"
        )

    def banner_url(self):
        return reverse("wagtailsettings:edit", args=["pages", "notificationbanner", self.site.pk])

    def test_both_roles_read_page_feedback_and_neither_can_change_it(self):
        for user in (self.editor, self.approver):
            self.client.force_login(user)
            response = self.client.get(reverse("page_feedback:index"))
            self.assertContains(response, "Say when the homes open")
            self.assertContains(response, "Page feedback")
            self.assertFalse(user.has_perm("feedback.change_feedback"))

    def test_an_approver_turns_on_the_notification_banner(self):
        self.client.force_login(self.approver)
        self.assertIn("Notification banner", admin_menu_labels(self.client))

        response = self.client.post(
            self.banner_url(),
            {
                "is_enabled": "on",
                "level": NotificationBanner.Level.EMERGENCY,
                "message": '{"blocks": [{"key": "a", "text": "Upper Street is closed", '
                '"type": "unstyled", "depth": 0, "inlineStyleRanges": [], '
                '"entityRanges": []}], "entityMap": {}}',
            },
        )

        self.assertRedirects(response, self.banner_url())
        banner = NotificationBanner.for_site(self.site)
        self.assertTrue(banner.is_enabled)
        self.assertIn("Upper Street is closed", banner.message)

    def test_an_approver_adds_a_redirect(self):
        self.client.force_login(self.approver)
        self.assertIn("Redirects", admin_menu_labels(self.client))

        response = self.client.post(
            reverse("wagtailredirects:add"),
            {
                "old_path": "/fairness/",
                "site": "",
                "is_permanent": "on",
                "redirect_page": self.site.root_page_id,
            },
        )

        self.assertRedirects(response, reverse("wagtailredirects:index"))
        self.assertTrue(Redirect.objects.filter(old_path="/fairness").exists())

    def test_an_editor_cannot_change_the_banner_or_redirects(self):
        self.client.force_login(self.editor)

        menu = admin_menu_labels(self.client)
        self.assertNotIn("Notification banner", menu)
        self.assertNotIn("Redirects", menu)
        self.assertIn("Page feedback", menu)
        self.assertRedirects(self.client.get(self.banner_url()), reverse("wagtailadmin_home"))
        self.assertRedirects(
            self.client.get(reverse("wagtailredirects:index")), reverse("wagtailadmin_home")
        )


class DefaultGroupsTests(TestCase):
    def test_wagtails_unused_default_groups_are_gone(self):
        self.assertFalse(Group.objects.filter(name__in=["Editors", "Moderators"]).exists())
        self.assertEqual(set(Group.objects.values_list("name", flat=True)), {EDITORS, APPROVERS})
        self.assertFalse(Workflow.objects.get(name="Moderators approval").active)

    def test_a_default_group_someone_is_still_in_is_renamed_not_deleted(self):
        moderators = Group.objects.create(name="Moderators")
        person = get_user_model().objects.create_user("old-moderator")
        person.groups.add(moderators)

        roles_migration.give_tools_and_remove_default_groups(apps, None)

        self.assertEqual(
            list(person.groups.values_list("name", flat=True)), ["Moderators (unused)"]
        )


class WhoDoesWhatTests(SeededRolesTestCase):
    def test_the_dashboard_says_who_does_what_and_which_role_is_yours(self):
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailadmin_home"))

        self.assertContains(response, "Who does what")
        self.assertContains(
            response,
            '<h3 class="w-h3">Communications editors '
            '<span class="w-status w-status--primary">Your role</span></h3>',
            html=True,
        )
        self.assertContains(response, "Turn the notification banner on and off")


class AdminSearchTests(SeededRolesTestCase):
    def test_the_dashboard_search_counts_pages_in_words(self):
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "vision"})

        self.assertContains(response, "1-1 of 1 page")
        self.assertNotContains(response, "of 1 None")
