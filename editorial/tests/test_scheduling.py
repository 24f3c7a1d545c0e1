"""Go-live and expiry dates take effect when publish_scheduled runs."""

import datetime
import io
from unittest import mock

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from pages.factories import StandardPageFactory

from .utils import seed_site


class ScheduledPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()

    def run_scheduler(self):
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
        return out.getvalue()

    def test_a_page_scheduled_in_the_past_goes_live_when_the_command_runs(self):
        page = StandardPageFactory(title="Budget consultation", slug="budget", live=False)
        page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        page.save_revision().publish()  # scheduled, not live: go_live_at is in the future
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(self.client.get("/budget/").status_code, 404)

        # Two hours later, the go-live time has passed when the scheduler runs.
        later = timezone.now() + datetime.timedelta(hours=2)
        with mock.patch("django.utils.timezone.now", return_value=later):
            output = self.run_scheduler()

        self.assertIn("Published: 'Budget consultation' (/budget/)", output)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertContains(self.client.get("/budget/"), "Budget consultation")

    def test_a_page_past_its_expiry_date_is_unpublished(self):
        page = StandardPageFactory(
            title="Old consultation",
            slug="old",
            expire_at=timezone.now() - datetime.timedelta(minutes=1),
        )
        self.assertEqual(self.client.get("/old/").status_code, 200)

        output = self.run_scheduler()

        self.assertIn("Unpublished (expired): 'Old consultation'", output)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertTrue(page.expired)
        self.assertEqual(self.client.get("/old/").status_code, 404)


class SchedulerOutputTests(TestCase):
    def test_with_nothing_due_it_is_silent_unless_asked(self):
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
        self.assertEqual(out.getvalue(), "")

        call_command("publish_scheduled", stdout=out, verbosity=2)
        self.assertIn("Nothing to publish or unpublish.", out.getvalue())
