"""Editors submit, approvers approve and publish: through Wagtail's own admin views."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import streamfield

from priorities.models import PrioritiesIndexPage, PriorityPage

from .utils import (
    APPROVERS,
    EDITORS,
    SeededRolesTestCase,
    ensure_roles,
    make_user,
    priority_form_data,
    seed_site,
)


class RolesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.page = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
        cls.editor = make_user("editor", EDITORS)
        cls.approver = make_user("approver", APPROVERS)

    def test_the_migration_creates_both_groups_with_admin_access(self):
        for name in (EDITORS, APPROVERS):
            group = Group.objects.get(name=name)
            self.assertTrue(group.permissions.filter(codename="access_admin").exists())
            self.assertTrue(
                group.collection_permissions.filter(permission__codename="add_image").exists()
            )

    def test_running_the_migration_again_changes_nothing(self):
        before = Group.objects.get(name=EDITORS).page_permissions.count()
        ensure_roles()
        self.assertEqual(Group.objects.get(name=EDITORS).page_permissions.count(), before)
        self.assertEqual(Workflow.objects.filter(name="Communications approval").count(), 1)

    def test_roles_cover_every_page_from_the_root(self):
        editor_can = self.page.permissions_for_user(self.editor)
        approver_can = self.page.permissions_for_user(self.approver)
        self.assertTrue(editor_can.can_edit())
        self.assertTrue(editor_can.can_add_subpage() or not PriorityPage.subpage_types)
        self.assertFalse(editor_can.can_publish())
        self.assertFalse(editor_can.can_unpublish())
        self.assertTrue(approver_can.can_publish())
        self.assertTrue(approver_can.can_unpublish())
        self.assertTrue(approver_can.can_lock())

    def test_the_approval_workflow_applies_to_the_whole_site(self):
        workflow = self.page.get_workflow()
        self.assertEqual(workflow.name, "Communications approval")
        task = workflow.tasks.get().specific
        self.assertEqual(list(task.groups.all()), [Group.objects.get(name=APPROVERS)])
        self.assertEqual(Page.get_first_root_node().get_workflow(), workflow)


class WorkflowThroughTheAdminTests(SeededRolesTestCase):
    def setUp(self):
        self.page = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def reworded(self):
        commitments = [dict(child.value) for child in self.page.commitments]
        commitments[0]["text"] = "Building 1,000 new council homes"
        return priority_form_data(
            self.page,
            commitments=streamfield([("commitment", value) for value in commitments]),
        )

    def reword_as(self, user, action):
        """Post the reworded page from the edit view's "publish" or "submit" button."""
        self.client.force_login(user)
        return self.client.post(self.edit_url, {**self.reworded(), f"action-{action}": "1"})

    def public_html(self):
        return self.client.get(self.page.url).content.decode()

    def test_an_editor_cannot_publish(self):
        response = self.reword_as(self.editor, "publish")

        self.assertIn(response.status_code, (302, 403))
        self.assertNotContains(self.client.get(self.edit_url), 'name="action-publish"')
        self.client.logout()
        self.assertNotIn("Building 1,000 new council homes", self.public_html())

    def test_an_approver_can_publish(self):
        response = self.reword_as(self.approver, "publish")

        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertIn("Building 1,000 new council homes", self.public_html())

    def test_submit_approve_and_live(self):
        response = self.reword_as(self.editor, "submit")
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        workflow_state = self.page.current_workflow_state
        self.assertEqual(workflow_state.status, "in_progress")
        self.client.logout()
        self.assertNotIn("Building 1,000 new council homes", self.public_html())

        # The editor cannot approve their own change.
        task_state = workflow_state.current_task_state
        approve_url = reverse(
            "wagtailadmin_pages:workflow_action", args=[self.page.pk, "approve", task_state.pk]
        )
        self.client.force_login(self.editor)
        self.client.post(approve_url, {"comment": ""})
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, "in_progress")

        self.client.force_login(self.approver)
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), self.page.title)
        response = self.client.post(approve_url, {"comment": "Checked with housing."})
        self.assertEqual(response.status_code, 302)

        workflow_state.refresh_from_db()
        self.assertEqual(workflow_state.status, "approved")
        self.client.logout()
        self.assertIn("Building 1,000 new council homes", self.public_html())

    def test_an_approver_can_unpublish(self):
        index = PrioritiesIndexPage.objects.get()
        self.client.force_login(self.approver)
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=[self.page.pk]))
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)
        self.client.logout()
        self.assertNotContains(self.client.get(index.url), self.page.title)
