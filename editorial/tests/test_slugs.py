"""Changing the address of a page partners link to: warned first, and no redirect loops."""

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from priorities.models import PriorityPage

from .utils import SeededRolesTestCase, priority_form_data

SLUG = "a-decent-home-for-everyone"


class SlugTests(SeededRolesTestCase):
    def setUp(self):
        self.page = PriorityPage.objects.get(slug=SLUG)
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def publish_with_slug(self, slug):
        page = PriorityPage.objects.get(pk=self.page.pk)
        # Wagtail makes the redirects in a task queued when the transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.edit_url, {**priority_form_data(page, slug=slug), "action-publish": "1"}
            )
        self.assertEqual(response.status_code, 302)

    def test_the_slug_field_says_partners_link_here_and_a_redirect_will_be_made(self):
        self.client.force_login(self.editor)

        response = self.client.get(self.edit_url)

        self.assertContains(
            response, f"Partners link to this page at http://localhost/priorities/{SLUG}/"
        )
        self.assertContains(response, "a permanent redirect from the current address")

    def test_changing_a_slug_back_leaves_no_redirect_to_itself(self):
        self.client.force_login(self.approver)

        self.publish_with_slug("decent-homes")
        self.assertEqual(
            list(Redirect.objects.values_list("old_path", flat=True)), [f"/priorities/{SLUG}"]
        )
        self.publish_with_slug(SLUG)

        self.assertEqual(
            list(Redirect.objects.values_list("old_path", flat=True)),
            ["/priorities/decent-homes"],
        )
        self.assertEqual(self.client.get(f"/priorities/{SLUG}/").status_code, 200)
        self.assertRedirects(
            self.client.get("/priorities/decent-homes/"),
            f"/priorities/{SLUG}/",
            status_code=301,
        )
