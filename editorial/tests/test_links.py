"""Links partners rely on keep working when editors rename, move or delete pages."""

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from pages.factories import StandardPageFactory
from priorities.models import PriorityPage

from .utils import SeededRolesTestCase, priority_form_data


class RedirectTests(SeededRolesTestCase):
    def setUp(self):
        self.client.force_login(self.approver)

    def test_renaming_a_slug_redirects_the_old_address_permanently(self):
        page = PriorityPage.objects.get(slug="a-safe-place-for-everyone")
        old_url = page.url

        # Wagtail creates the redirect once the change is committed.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                {**priority_form_data(page, slug="a-safe-islington"), "action-publish": "1"},
            )
        self.assertEqual(response.status_code, 302)

        redirect = Redirect.objects.get(old_path=old_url.rstrip("/"))
        self.assertTrue(redirect.is_permanent)
        self.client.logout()
        response = self.client.get(old_url + "?from=partner")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/priorities/a-safe-islington/")

    def test_moving_a_page_redirects_the_old_address_permanently(self):
        guide = StandardPageFactory(title="How we work", publish=True)
        page = StandardPageFactory(title="Our team", publish=True)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:move_confirm", args=[page.pk, guide.pk])
            )
        self.assertEqual(response.status_code, 302)

        redirect = Redirect.objects.get(old_path="/our-team")
        self.assertTrue(redirect.is_permanent)
        self.client.logout()
        response = self.client.get("/our-team/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/how-we-work/our-team/")


class DeletingShowsWhatLinksHereTests(SeededRolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
        StandardPageFactory(
            title="Housing news",
            body=[
                (
                    "paragraph",
                    f'<p>Read <a linktype="page" id="{cls.priority.pk}">our housing '
                    "priority</a>.</p>",
                )
            ],
            publish=True,
        )

    def test_the_delete_page_says_what_links_to_the_page(self):
        self.client.force_login(self.approver)
        response = self.client.get(reverse("wagtailadmin_pages:delete", args=[self.priority.pk]))

        self.assertContains(response, "This priority page is referenced 1 time.")
        usage = self.client.get(reverse("wagtailadmin_pages:usage", args=[self.priority.pk]))
        self.assertContains(usage, "Housing news")

    def test_an_editor_cannot_delete_a_live_page(self):
        self.client.force_login(self.editor)
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=[self.priority.pk]))
        self.assertIn(response.status_code, (302, 403))
        self.assertTrue(PriorityPage.objects.filter(pk=self.priority.pk).exists())
