"""Each published page has an owner and a review date; owners are reminded when it is due."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils import WagtailTestUtils

from editorial.models import ContentReview, default_review_date
from pages.factories import StandardPageFactory
from priorities.models import PriorityPage

from .utils import EDITORS, SeededRolesTestCase, make_user, seed_site


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class ContentReviewTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.housing_owner = make_user("housing", EDITORS, first_name="Hana")
        cls.other_owner = make_user("other", EDITORS)
        cls.housing = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
        cls.safety = PriorityPage.objects.get(slug="a-safe-place-for-everyone")
        PriorityPage.objects.filter(pk=cls.housing.pk).update(owner=cls.housing_owner)
        PriorityPage.objects.filter(pk=cls.safety.pk).update(owner=cls.other_owner)
        ContentReview.objects.filter(page=cls.housing).update(review_by=days_from_today(-3))
        ContentReview.objects.filter(page=cls.safety).update(review_by=days_from_today(20))

    def test_publishing_sets_the_review_date_12_months_ahead(self):
        page = StandardPageFactory(title="Our budget", publish=True)

        review = ContentReview.objects.get(page=page)
        self.assertEqual(review.review_by, default_review_date())
        self.assertEqual((review.review_by - timezone.localdate()).days // 30, 12)

    def test_publishing_a_page_due_for_review_counts_as_its_review(self):
        self.housing.save_revision().publish()
        self.assertEqual(
            ContentReview.objects.get(page=self.housing).review_by, default_review_date()
        )

    def test_publishing_keeps_a_date_the_editor_chose(self):
        chosen = days_from_today(90)
        ContentReview.objects.filter(page=self.housing).update(review_by=chosen)
        self.housing.save_revision().publish()
        self.assertEqual(ContentReview.objects.get(page=self.housing).review_by, chosen)

    def test_the_report_lists_pages_overdue_or_due_within_30_days(self):
        self.client.force_login(self.other_owner)
        response = self.client.get(reverse("editorial_content_reviews"))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.housing.title)
        self.assertContains(response, "Overdue")
        self.assertContains(response, self.safety.title)
        self.assertContains(response, "Due soon")
        greener = PriorityPage.objects.get(slug="a-greener-cleaner-healthier-place-to-live")
        self.assertNotContains(response, greener.title)
        menu = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("Content reviews due", menu)

    def test_an_editor_sets_the_review_date_from_the_page_editor(self):
        self.client.force_login(self.other_owner)
        edit_page = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.safety.pk]))
        review_url = reverse("editorial_edit_review_date", args=[self.safety.pk])
        self.assertContains(edit_page, review_url)

        response = self.client.post(
            review_url, {"review_by": "2030-01-31", "owner": self.housing_owner.pk}
        )

        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[self.safety.pk]))
        self.assertEqual(
            ContentReview.objects.get(page=self.safety).review_by, datetime.date(2030, 1, 31)
        )
        self.safety.refresh_from_db()
        self.assertEqual(self.safety.owner, self.housing_owner)

    def test_an_owner_change_is_in_the_page_history(self):
        self.client.force_login(self.other_owner)
        review_url = reverse("editorial_edit_review_date", args=[self.safety.pk])

        self.client.post(review_url, {"review_by": "2030-01-31", "owner": self.housing_owner.pk})

        entry = PageLogEntry.objects.get(page=self.safety, action="editorial.change_owner")
        self.assertEqual(entry.user, self.other_owner)
        self.assertEqual(entry.message, "Owner changed from 'other' to 'Hana'")
        history = self.client.get(reverse("wagtailadmin_pages:history", args=[self.safety.pk]))
        self.assertContains(history, "Owner changed from")

    def test_keeping_the_owner_logs_nothing(self):
        self.client.force_login(self.other_owner)
        review_url = reverse("editorial_edit_review_date", args=[self.safety.pk])

        self.client.post(review_url, {"review_by": "2030-01-31", "owner": self.other_owner.pk})

        self.assertFalse(PageLogEntry.objects.filter(action="editorial.change_owner").exists())

    def test_only_communications_staff_can_be_made_owner(self):
        outsider = make_user("outsider")  # active, but in no communications group
        staff = make_user("it-support", is_staff=True)
        self.client.force_login(self.other_owner)
        review_url = reverse("editorial_edit_review_date", args=[self.safety.pk])

        form = self.client.get(review_url).context["form"]
        response = self.client.post(review_url, {"review_by": "2030-01-31", "owner": outsider.pk})

        choices = set(form.fields["owner"].queryset)
        self.assertIn(self.housing_owner, choices)
        self.assertIn(staff, choices)
        self.assertNotIn(outsider, choices)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Select a valid choice")
        self.safety.refresh_from_db()
        self.assertEqual(self.safety.owner, self.other_owner)

    def test_visitors_cannot_open_the_review_date_form(self):
        response = self.client.get(reverse("editorial_edit_review_date", args=[self.safety.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_reminders_email_each_owner_their_pages(self):
        call_command("send_review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

        self.assertEqual(len(mail.outbox), 2)
        by_recipient = {message.to[0]: message for message in mail.outbox}
        housing_mail = by_recipient["housing@example.com"]
        self.assertIn("Hello Hana", housing_mail.body)
        self.assertIn(f"{self.housing.title}: OVERDUE", housing_mail.body)
        self.assertIn(f"/admin/pages/{self.housing.pk}/edit/", housing_mail.body)
        self.assertNotIn(self.safety.title, housing_mail.body)
        self.assertIn(f"{self.safety.title}: due", by_recipient["other@example.com"].body)


class ReminderWordingTests(SeededRolesTestCase):
    """A reminder says what its reader can do, with links to the admin they sign in to."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
        ContentReview.objects.filter(page=cls.page).update(review_by=days_from_today(-3))

    def reminder_for(self, owner):
        PriorityPage.objects.filter(pk=self.page.pk).update(owner=owner)
        mail.outbox.clear()
        call_command("send_review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        return mail.outbox[0].body

    @override_settings(WAGTAILADMIN_BASE_URL="https://about-us.example.org:8443")
    def test_an_editor_is_told_to_submit_it_for_approval(self):
        body = self.reminder_for(self.editor)

        self.assertIn("submit it for approval", body)
        self.assertNotIn("publish it", body)
        self.assertIn(f"https://about-us.example.org:8443/admin/pages/{self.page.pk}/edit/", body)
        self.assertIn(
            f"https://about-us.example.org:8443/admin/pages/{self.page.pk}/review-date/", body
        )

    def test_an_approver_is_told_to_publish_it(self):
        body = self.reminder_for(self.approver)

        self.assertIn("publish it", body)
        self.assertNotIn("submit it for approval", body)


class SeedOwnerTests(TestCase):
    @override_settings(SEED_PAGE_OWNER="editor")
    def test_seeded_pages_belong_to_the_configured_user(self):
        seed_site()  # before the user exists: no owner, and no error
        self.assertFalse(Page.objects.filter(depth__gt=1, owner__isnull=False).exists())

        editor = make_user("editor", EDITORS)
        seed_site()

        owners = set(Page.objects.filter(depth__gt=1).values_list("owner", flat=True))
        self.assertEqual(owners, {editor.pk})
