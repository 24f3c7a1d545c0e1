"""The demo logins command and the accessibility checker's configuration."""

import io
import os
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.admin.userbar import ContentCheckerItem

from editorial.wagtail_hooks import CouncilContentChecker, use_council_content_checker
from pages.models import HomePage

from .utils import APPROVERS, EDITORS, ensure_roles, make_user, seed_site


class DemoUsersTests(TestCase):
    def setUp(self):
        ensure_roles()

    def test_creates_an_editor_and_an_approver_with_printed_passwords(self):
        out = io.StringIO()
        call_command("create_demo_users", stdout=out)

        editor = get_user_model().objects.get(username="editor")
        approver = get_user_model().objects.get(username="approver")
        self.assertEqual([g.name for g in editor.groups.all()], [EDITORS])
        self.assertEqual([g.name for g in approver.groups.all()], [APPROVERS])
        printed = out.getvalue().split("password: ")[1].split()[0]
        self.assertTrue(editor.check_password(printed))

    def test_passwords_can_come_from_the_environment(self):
        with mock.patch.dict(os.environ, {"DEMO_EDITOR_PASSWORD": "a-long-test-password"}):
            call_command("create_demo_users", stdout=io.StringIO())
        editor = get_user_model().objects.get(username="editor")
        self.assertTrue(editor.check_password("a-long-test-password"))

    @override_settings(SETTINGS_MODULE="islington.settings.production", DEBUG=False)
    def test_refuses_to_run_with_production_settings(self):
        with pytest.raises(CommandError):
            call_command("create_demo_users", stdout=io.StringIO())
        self.assertFalse(get_user_model().objects.filter(username="editor").exists())


class AccessibilityCheckerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.editor = make_user("editor", EDITORS)

    def test_our_rules_replace_wagtails_defaults(self):
        items = [ContentCheckerItem(in_editor=True)]
        use_council_content_checker(None, items, None)

        checker = items[0]
        self.assertIsInstance(checker, CouncilContentChecker)
        self.assertTrue(checker.in_editor)
        rules = checker.get_axe_run_only(None)
        for rule in ("alt-text-quality", "heading-order", "link-name", "empty-heading"):
            self.assertIn(rule, rules)

    def test_the_checker_runs_on_live_pages_for_signed_in_editors(self):
        self.client.force_login(self.editor)
        response = self.client.get(HomePage.objects.get().url)
        self.assertContains(response, "heading-order")
        self.assertContains(response, "Headings skip a level")
