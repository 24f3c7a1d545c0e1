"""Locking, revision comparison and revert, on our own page types."""

from django.urls import reverse

from priorities.models import PrioritiesIndexPage

from .utils import SeededRolesTestCase, index_form_data


class SafeEditingTests(SeededRolesTestCase):
    def setUp(self):
        self.page = PrioritiesIndexPage.objects.get()
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def save_draft(self, user, introduction):
        self.client.force_login(user)
        return self.client.post(
            self.edit_url, index_form_data(self.page, introduction=introduction)
        )

    def test_a_locked_page_cannot_be_changed_by_someone_else(self):
        self.client.force_login(self.approver)
        self.client.post(reverse("wagtailadmin_pages:lock", args=[self.page.pk]))
        self.page.refresh_from_db()
        self.assertTrue(self.page.locked)

        response = self.save_draft(self.editor, "An editor's change while it is locked.")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The page could not be saved as it is locked")
        self.page.refresh_from_db()
        self.assertNotEqual(
            self.page.get_latest_revision_as_object().introduction,
            "An editor's change while it is locked.",
        )

    def test_revisions_can_be_compared_and_reverted(self):
        original = self.page.introduction
        first = self.page.get_latest_revision()
        self.save_draft(self.editor, "A reworded introduction.")
        self.page.refresh_from_db()
        second = self.page.get_latest_revision()
        self.assertNotEqual(first.pk, second.pk)

        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare", args=[self.page.pk, first.pk, second.pk]
        )
        response = self.client.get(compare_url)
        self.assertContains(response, "A reworded introduction.")
        self.assertContains(response, original[:40])

        # Reverting opens the editor with the old revision's content, ready to save.
        revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[self.page.pk, first.pk])
        response = self.client.get(revert_url)
        self.assertContains(response, original[:40])
        self.save_draft(self.editor, original)
        self.page.refresh_from_db()
        self.assertEqual(self.page.get_latest_revision_as_object().introduction, original)
