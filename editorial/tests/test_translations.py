"""Translations are made by Communications editors and approved like any page (issue 14).

Through wagtail-localize's own admin views, signed in as an editor or an approver;
what counts is what a resident then gets under /tr/.
"""

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from editorial.translations import page_translation
from pages.models import HomePage
from tests.translations import translate_page

from .utils import SeededRolesTestCase

TURKISH_TITLE = "Daha adil bir Islington için vizyonumuz"
PUBLISH_HELP = "Only a Communications approver can publish."


class TranslationTestCase(SeededRolesTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.turkish_locale = Locale.objects.get(language_code="tr")

    def resident_sees(self, url):
        self.client.logout()
        return self.client.get(url)

    def translate_as(self, user, page):
        """'Translate this page' into Turkish; what it publishes, it publishes when the
        transaction commits, so the callbacks run here as they would in production."""
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [self.turkish_locale.pk]},
            )

    def turkish_home(self):
        return self.home.get_translation(self.turkish_locale).specific


class EditorsTranslateTests(TranslationTestCase):
    def translate_title(self, page, title):
        """Type the title's translation in the translation editor (it saves each
        sentence as it is typed)."""
        translation = page_translation(page)
        segment = translation.source.stringsegment_set.get(context__path="title")
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = self.client.put(
            url, encode_multipart(BOUNDARY, {"value": title}), content_type=MULTIPART_CONTENT
        )
        self.assertEqual(response.status_code, 201)

    def test_an_editor_translates_submits_and_an_approver_publishes(self):
        response = self.translate_as(self.editor, self.home)
        self.assertEqual(response.status_code, 302)
        turkish = self.turkish_home()
        self.assertFalse(turkish.live)
        self.assertEqual(self.resident_sees("/tr/").status_code, 404)

        # The editor opens the translation editor: no "Publish", a way to submit.
        self.client.force_login(self.editor)
        edit_url = reverse("wagtailadmin_pages:edit", args=[turkish.pk])
        editor_view = self.client.get(edit_url)
        self.assertEqual(editor_view.status_code, 200)
        self.assertContains(editor_view, "&quot;canPublish&quot;: false")
        self.translate_title(turkish, TURKISH_TITLE)
        # Pages › the Turkish home page's ⋯ menu
        explorer = self.client.get(reverse("wagtailadmin_explore", args=[turkish.get_parent().pk]))
        submit_url = reverse("editorial_submit_translation", args=[turkish.pk])
        self.assertContains(explorer, f'href="{submit_url}"')
        self.assertContains(explorer, "Submit translation for approval")

        # "Publish in Turkish", posted anyway, is refused.
        refused = self.client.post(edit_url, {"action": "publish"})
        self.assertRedirects(refused, reverse("wagtailadmin_home"))  # "Sorry, you do not have…"
        self.assertEqual(self.resident_sees("/tr/").status_code, 404)

        self.client.force_login(self.editor)
        self.assertContains(self.client.get(submit_url), "Submit for approval")
        self.assertRedirects(self.client.post(submit_url), edit_url)
        state = self.turkish_home().current_workflow_state
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, "Communications approval")
        self.assertEqual(self.resident_sees("/tr/").status_code, 404)

        # The editor cannot approve it; an approver can, and then residents read it.
        approve_url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[turkish.pk, "approve", state.current_task_state.pk],
        )
        self.client.force_login(self.editor)
        self.client.post(approve_url, {"comment": ""})
        self.assertEqual(self.resident_sees("/tr/").status_code, 404)
        self.client.force_login(self.approver)
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), TURKISH_TITLE)
        self.assertEqual(self.client.post(approve_url, {"comment": ""}).status_code, 302)
        self.assertContains(self.resident_sees("/tr/"), f"{TURKISH_TITLE}</h1>")

    def test_a_translation_cannot_be_submitted_twice(self):
        self.translate_as(self.editor, self.home)
        submit_url = reverse("editorial_submit_translation", args=[self.turkish_home().pk])
        self.client.post(submit_url)

        # Wagtail answers a refusal with the dashboard and "Sorry, you do not have permission".
        self.assertRedirects(self.client.post(submit_url), reverse("wagtailadmin_home"))
        self.assertEqual(WorkflowState.objects.count(), 1)


class NoSideDoorForTranslationsTests(TranslationTestCase):
    """wagtail-localize's other routes to a live translation are the approvers'."""

    def setUp(self):
        super().setUp()
        # A live Turkish home page, then a change to the English one.
        translate_page(self.home, "tr", TURKISH_TITLE)
        self.home.introduction = "A new English introduction."
        self.home.save_revision(user=self.approver).publish(user=self.approver)
        self.sync_url = reverse(
            "wagtail_localize:update_translations",
            args=[page_translation(self.turkish_home()).source_id],
        )

    def test_an_editor_s_sync_publishes_nothing(self):
        self.client.force_login(self.editor)
        form = self.client.get(self.sync_url).content.decode()
        self.assertNotIn('name="publish_translations"', form)
        self.assertIn(PUBLISH_HELP, form)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.sync_url, {"publish_translations": "on"})
        self.assertEqual(response.status_code, 302)

        self.assertNotContains(self.resident_sees("/tr/"), "A new English introduction.")

    def test_an_approver_s_sync_may_publish(self):
        self.client.force_login(self.approver)
        self.assertNotContains(self.client.get(self.sync_url), PUBLISH_HELP)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.sync_url, {"publish_translations": "on"})

        self.assertContains(self.resident_sees("/tr/"), "A new English introduction.")

    def test_an_editor_cannot_turn_a_translation_into_an_alias(self):
        url = reverse("wagtail_localize:convert_to_alias", args=[self.turkish_home().pk])
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url)

        self.assertRedirects(response, reverse("wagtailadmin_home"))  # "Sorry, you do not have…"
        self.assertNotContains(self.resident_sees("/tr/"), "A new English introduction.")
