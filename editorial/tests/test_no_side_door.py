"""No side door past approval: every admin route an editor could use to change what a
live page shows (its image, the image's alt text, a linked document, a partner, a
setting) leaves the public site unchanged until an approver acts.

Each test works through Wagtail's own admin views with the Django test client, signed
in as the demo-style 'editor' or 'approver', and checks what an anonymous resident
gets: the home page's hero image, a document's bytes, the partnership page.
"""

import re
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry, Workflow

from pages.models import HomePage, NotificationBanner, SiteSettings
from partnership.factories import PartnerFactory
from partnership.models import Partner, PartnershipPage

from .utils import SeededRolesTestCase

Image = get_image_model()
Document = get_document_model()

OTHER_PICTURE = "seed/images/fairer-together-logo.png"
HERO_SELECTOR = re.compile(r'<div class="hero__image">(.*?)</div>', re.DOTALL)


def picture_upload(name="defaced.png"):
    with open(OTHER_PICTURE, "rb") as picture:
        return SimpleUploadedFile(name, picture.read(), content_type="image/png")


class SideDoorTestCase(SeededRolesTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.hero = Image.objects.get(pk=self.home.hero_image_id)
        # The worst case: the editor uploaded the picture themselves, so Wagtail's
        # "you may edit what you uploaded" rule would apply.
        self.hero.uploaded_by_user = self.editor
        # An approver's new file deletes the old one at once, outside the test's
        # transaction: give the hero its own copy of the seeded site's shared file.
        with self.hero.file.open("rb") as seeded:
            self.hero.file = ContentFile(seeded.read(), name=Path(self.hero.file.name).name)
        self.hero.save()
        self.document = Document.objects.create(
            title="Annual report 2025",
            file=ContentFile(b"%PDF-1.4 the real annual report", name="annual-report.pdf"),
            uploaded_by_user=self.editor,
        )
        self.partnership = PartnershipPage.objects.get()
        self.partnership.challenges = (
            f'<p>Read our <a linktype="document" id="{self.document.pk}">annual report</a>.</p>'
        )
        self.partnership.save_revision(user=self.approver).publish(user=self.approver)

    # What a resident sees.

    def hero_html(self):
        self.client.logout()
        html = self.client.get(self.home.url).content.decode()
        match = HERO_SELECTOR.search(html)
        self.assertIsNotNone(match, "the home page shows a hero image")
        return match.group(1)

    def document_bytes(self):
        self.client.logout()
        document = Document.objects.get(pk=self.document.pk)
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 200)
        return b"".join(response.streaming_content)

    def partnership_html(self):
        self.client.logout()
        return self.client.get(self.partnership.url).content.decode()

    # What the admin's forms post.

    def image_form_data(self, image, **changes):
        data = {
            "title": image.title,
            "description": image.description,
            "collection": image.collection_id,
            "tags": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        }
        data.update(changes)
        return data

    def document_form_data(self, document, **changes):
        data = {"title": document.title, "collection": document.collection_id, "tags": ""}
        data.update(changes)
        return data


class GuardedFileRoutes:
    """The admin routes images and documents share, tried by an editor on the one a live
    page uses. Each subclass names its library and what a resident sees of the file;
    pytest collects only the subclasses (this class is not a TestCase)."""

    model = None
    library = ""  # the admin's URL namespace
    multiple_prefix = ""  # the multiple-upload form's field prefix
    chooser_prefix = ""  # the chooser's upload form's field prefix
    defacing = {}  # a change to its details, refused
    upload_details = {}  # what the chooser's upload form asks besides title and file
    unchanged = ()  # the fields of its row that must stay as they were

    def url(self, name):
        return reverse(f"{self.library}:{name}", args=[self.guarded.pk])

    def assert_unchanged(self, before):
        """Residents see what they saw before, and the file's row is as it was."""
        self.assertEqual(self.seen(), before)
        now = self.model.objects.get(pk=self.guarded.pk)
        for field in self.unchanged:
            self.assertEqual(getattr(now, field), getattr(self.guarded, field), field)

    def test_replacing_the_file_is_refused(self):
        before = self.seen()
        self.client.force_login(self.editor)
        response = self.client.post(
            self.url("edit"), self.form_data(self.guarded, file=self.upload("swapped"))
        )
        self.assertNotEqual(response.status_code, 200)
        self.assert_unchanged(before)

    def test_changing_its_details_is_refused(self):
        before = self.seen()
        self.client.force_login(self.editor)
        self.client.post(self.url("edit"), self.form_data(self.guarded, **self.defacing))
        self.assert_unchanged(before)

    def test_deleting_is_refused(self):
        before = self.seen()
        self.client.force_login(self.editor)
        self.client.post(self.url("delete"))
        self.assertTrue(self.model.objects.filter(pk=self.guarded.pk).exists())
        self.assert_unchanged(before)

    def test_the_multiple_upload_edit_and_delete_are_refused(self):
        before = self.seen()
        self.client.force_login(self.editor)
        prefix = f"{self.multiple_prefix}-{self.guarded.pk}-"
        changed = self.form_data(self.guarded, **self.defacing)
        data = {prefix + key: value for key, value in changed.items()}
        # As the upload page's JavaScript sends them.
        ajax = {"x-requested-with": "XMLHttpRequest"}
        edit = self.client.post(self.url("edit_multiple"), data, headers=ajax)
        delete = self.client.post(self.url("delete_multiple"), headers=ajax)
        self.assertEqual(edit.status_code, 403)
        self.assertEqual(delete.status_code, 403)
        self.assert_unchanged(before)

    def test_bulk_actions_are_refused(self):
        before = self.seen()
        elsewhere = Collection.get_first_root_node().add_child(name="Elsewhere")
        self.client.force_login(self.editor)
        for action, data in [
            ("delete", {}),
            ("add_tags", {"tags": "defaced"}),
            ("add_to_collection", {"collection": elsewhere.pk}),
        ]:
            meta = self.model._meta
            url = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, action))
            self.client.post(f"{url}?id={self.guarded.pk}", data)
        self.assertTrue(self.model.objects.filter(pk=self.guarded.pk).exists())
        self.assertFalse(self.model.objects.get(pk=self.guarded.pk).tags.exists())
        self.assert_unchanged(before)

    def test_a_new_upload_in_the_chooser_changes_no_live_page(self):
        before = self.seen()
        self.client.force_login(self.editor)
        fields = {
            "title": "New upload",
            "file": self.upload("new-upload"),
            "collection": self.guarded.collection_id,
            **self.upload_details,
        }
        response = self.client.post(
            reverse(f"{self.library}_chooser:create"),
            {f"{self.chooser_prefix}-{name}": value for name, value in fields.items()},
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self.model.objects.filter(title="New upload").exists())
        self.assert_unchanged(before)


class EditorImageRoutesTests(GuardedFileRoutes, SideDoorTestCase):
    """The home page's hero image, tried by an editor through every admin route."""

    model = Image
    library = "wagtailimages"
    multiple_prefix = "image"
    chooser_prefix = "image-chooser-upload"
    defacing = {"description": "Something else", "is_decorative": "on"}
    upload_details = {"description": "Residents in Highbury Fields"}
    unchanged = ("file", "description", "collection_id", "is_decorative")

    def setUp(self):
        super().setUp()
        self.guarded = self.hero
        self.seen = self.hero_html
        self.form_data = self.image_form_data

    def upload(self, name):
        return picture_upload(f"{name}.png")

    def test_the_edit_page_itself_is_refused_with_a_reason(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.url("edit"), follow=True)
        self.assertContains(response, "Communications approver")

    def test_the_library_offers_no_edit_link_for_an_image_in_use(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailimages:index"))
        self.assertNotContains(response, self.url("edit"))

    def test_choosing_a_new_upload_in_a_page_draft_changes_no_live_page(self):
        before = self.hero_html()
        with open(OTHER_PICTURE, "rb") as picture:
            new = Image.objects.create(
                title="New hero",
                description="Residents in Highbury Fields",
                file=ContentFile(picture.read(), name="new-hero.png"),
                uploaded_by_user=self.editor,
            )
        self.client.force_login(self.editor)
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.home.pk])
        form = self.client.get(edit_url).context["form"]
        data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
        data["hero_image"] = new.pk
        data.pop("comment_notifications", None)

        # A draft: not live, and the editor may still polish their upload.
        self.client.post(edit_url, data)
        self.home.refresh_from_db()
        self.assertEqual(self.home.get_latest_revision_as_object().hero_image, new)
        self.assertEqual(self.hero_html(), before)
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("wagtailimages:edit", args=[new.pk]),
            self.image_form_data(new, description="Residents planting trees"),
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Image.objects.get(pk=new.pk).description, "Residents planting trees")

        # Submitted: the approver approves the picture they saw, so it is fixed now.
        self.client.post(edit_url, {**data, "action-submit": "1"})
        self.home.refresh_from_db()
        self.assertEqual(self.home.current_workflow_state.status, "in_progress")
        self.assertEqual(self.hero_html(), before)
        self.client.force_login(self.editor)
        self.client.post(
            reverse("wagtailimages:edit", args=[new.pk]),
            self.image_form_data(new, file=picture_upload("swapped.png")),
        )
        self.assertEqual(Image.objects.get(pk=new.pk).file.name, new.file.name)

    def test_an_image_in_a_scheduled_change_is_guarded_too(self):
        with open(OTHER_PICTURE, "rb") as picture:
            new = Image.objects.create(
                title="New hero",
                description="Residents in Highbury Fields",
                file=ContentFile(picture.read(), name="new-hero.png"),
                uploaded_by_user=self.editor,
            )
        home = self.home.get_latest_revision_as_object()
        home.hero_image = new
        home.save_revision(
            user=self.approver, approved_go_live_at=timezone.now() + timedelta(days=1)
        )
        self.client.force_login(self.editor)
        self.client.post(
            reverse("wagtailimages:edit", args=[new.pk]),
            self.image_form_data(new, description="Defaced"),
        )
        self.assertEqual(Image.objects.get(pk=new.pk).description, "Residents in Highbury Fields")

    def test_the_chooser_and_library_cost_no_query_per_image(self):
        urls = [reverse("wagtailimages_chooser:choose"), reverse("wagtailimages:index")]

        def query_counts():
            self.client.force_login(self.editor)
            counts = []
            for url in urls:
                with CaptureQueriesContext(connection) as queries:
                    self.assertEqual(self.client.get(url).status_code, 200)
                counts.append(len(queries))
            return counts

        def upload(number):
            with open(OTHER_PICTURE, "rb") as picture:
                Image.objects.create(
                    title=f"Upload {number}",
                    description="Residents",
                    file=ContentFile(picture.read(), name=f"upload-{number}.png"),
                    uploaded_by_user=self.editor,
                )

        upload(0)
        query_counts()  # makes the thumbnails
        few = query_counts()
        for number in range(1, 4):
            upload(number)
        query_counts()
        self.assertEqual(query_counts(), few)

    def test_an_image_used_only_by_a_partner_is_guarded_too(self):
        with open(OTHER_PICTURE, "rb") as picture:
            logo = Image.objects.create(
                title="Partner logo",
                description="Islington Food Bank",
                file=ContentFile(picture.read(), name="logo.png"),
                uploaded_by_user=self.editor,
            )
        PartnerFactory(name="Islington Food Bank", logo=logo)
        self.client.force_login(self.editor)
        self.client.post(
            reverse("wagtailimages:edit", args=[logo.pk]),
            self.image_form_data(logo, description="Defaced"),
        )
        self.assertEqual(Image.objects.get(pk=logo.pk).description, "Islington Food Bank")


class EditorDocumentRoutesTests(GuardedFileRoutes, SideDoorTestCase):
    """The annual report linked from the live partnership page."""

    model = Document
    library = "wagtaildocs"
    multiple_prefix = "doc"
    chooser_prefix = "document-chooser-upload"
    defacing = {"title": "Swapped"}
    unchanged = ("file", "title", "collection_id")

    def setUp(self):
        super().setUp()
        self.guarded = self.document
        self.seen = self.document_bytes
        self.form_data = self.document_form_data

    def upload(self, name):
        return SimpleUploadedFile(f"{name}.pdf", f"%PDF-1.4 {name}".encode())


class ApiIsReadOnlyTests(SideDoorTestCase):
    def test_the_public_and_admin_apis_accept_no_writes(self):
        self.client.force_login(self.editor)
        for url in [
            f"/api/v2/images/{self.hero.pk}/",
            f"/api/v2/documents/{self.document.pk}/",
            f"/api/v2/pages/{self.home.pk}/",
            f"/admin/api/main/images/{self.hero.pk}/",
            f"/admin/api/main/documents/{self.document.pk}/",
            f"/admin/api/main/pages/{self.home.pk}/",
        ]:
            for method in ("put", "patch", "delete"):
                response = getattr(self.client, method)(
                    url, {"title": "Defaced"}, content_type="application/json"
                )
                self.assertIn(response.status_code, (403, 404, 405), f"{method} {url}")
            response = self.client.post(url, {"title": "Defaced"})
            self.assertIn(response.status_code, (403, 404, 405), f"post {url}")
        # Wagtail 8's writable v3 API is not mounted.
        self.assertEqual(self.client.get("/api/v3/images/").status_code, 404)
        self.assertEqual(Image.objects.get(pk=self.hero.pk).title, self.hero.title)


class EditorSettingsTests(SideDoorTestCase):
    def test_editors_cannot_open_or_change_the_site_settings_or_banner(self):
        site = self.home.get_site()
        self.client.force_login(self.editor)
        for model in (SiteSettings, NotificationBanner):
            url = reverse("wagtailsettings:edit", args=["pages", model._meta.model_name, site.pk])
            self.assertNotEqual(self.client.get(url).status_code, 200)
            self.client.post(url, {"organisation_name": "Defaced", "is_enabled": "on"})
        self.client.logout()
        html = self.client.get(self.home.url).content.decode()
        self.assertNotIn("Defaced", html)


class ApproverQuickPathTests(SideDoorTestCase):
    def test_an_approver_replaces_the_hero_file_and_it_is_logged(self):
        before = self.hero_html()
        self.client.force_login(self.approver)
        response = self.client.post(
            reverse("wagtailimages:edit", args=[self.hero.pk]),
            self.image_form_data(self.hero, file=picture_upload("new-hero.png")),
        )
        self.assertEqual(response.status_code, 302)
        self.assertNotEqual(self.hero_html(), before)
        self.assertIn("new-hero", self.hero_html())
        entry = ModelLogEntry.objects.filter(action="wagtail.edit").latest("timestamp")
        self.assertEqual(entry.user, self.approver)
        self.assertEqual(entry.object_id, str(self.hero.pk))
        # Where staff read it: Reports › Site history.
        self.client.force_login(self.approver)
        history = self.client.get(reverse("wagtailadmin_reports:site_history"))
        self.assertContains(history, self.hero.title)
        self.assertContains(history, "approver")

    def test_an_approver_changes_the_alt_text(self):
        self.client.force_login(self.approver)
        self.client.post(
            reverse("wagtailimages:edit", args=[self.hero.pk]),
            self.image_form_data(self.hero, description="Residents at the town hall"),
        )
        if not self.home.hero_image_alt_text:
            self.assertIn('alt="Residents at the town hall"', self.hero_html())
        self.assertEqual(
            Image.objects.get(pk=self.hero.pk).description, "Residents at the town hall"
        )

    def test_an_approver_replaces_the_document_and_it_is_logged(self):
        self.client.force_login(self.approver)
        response = self.client.post(
            reverse("wagtaildocs:edit", args=[self.document.pk]),
            self.document_form_data(
                self.document,
                file=SimpleUploadedFile("annual-report-v2.pdf", b"%PDF-1.4 corrected report"),
            ),
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.document_bytes(), b"%PDF-1.4 corrected report")
        entry = ModelLogEntry.objects.filter(action="wagtail.edit").latest("timestamp")
        self.assertEqual(entry.user, self.approver)


class AdminHelpTests(SideDoorTestCase):
    def test_the_image_and_document_pages_say_who_can_change_what(self):
        self.client.force_login(self.approver)
        for url in (
            reverse("wagtailimages:edit", args=[self.hero.pk]),
            reverse("wagtaildocs:edit", args=[self.document.pk]),
        ):
            self.assertContains(self.client.get(url), "only Communications approvers can change")
        self.client.force_login(self.editor)
        for name in (
            "wagtailimages:index",
            "wagtailimages:add_multiple",
            "wagtaildocs:index",
            "wagtaildocs:add_multiple",
        ):
            url = reverse(name)
            self.assertContains(self.client.get(url), "Communications editors can upload")


class PartnerWorkflowTests(SideDoorTestCase):
    def setUp(self):
        super().setUp()
        self.partner = PartnerFactory(name="Islington Food Bank", sort_order=0)
        self.edit_url = reverse("wagtailsnippets_partnership_partner:edit", args=[self.partner.pk])

    def partner_data(self, **changes):
        data = {
            "name": self.partner.name,
            "web_address": self.partner.web_address,
            "description": self.partner.description,
            "logo": "",
            "logo_alt_text": "",
        }
        data.update(changes)
        return data

    def test_the_partner_model_uses_the_communications_workflow(self):
        self.assertEqual(
            self.partner.get_workflow(), Workflow.objects.get(name="Communications approval")
        )

    def test_an_editor_cannot_publish_a_partner_change(self):
        self.client.force_login(self.editor)
        self.client.post(
            self.edit_url, {**self.partner_data(name="Defaced"), "action-publish": "1"}
        )
        self.assertNotIn("Defaced", self.partnership_html())
        self.assertIn("Islington Food Bank", self.partnership_html())

    def test_an_editor_cannot_delete_a_partner(self):
        self.client.force_login(self.editor)
        self.client.post(
            reverse("wagtailsnippets_partnership_partner:delete", args=[self.partner.pk])
        )
        self.assertTrue(Partner.objects.filter(pk=self.partner.pk).exists())
        self.assertIn("Islington Food Bank", self.partnership_html())

    def test_an_editor_cannot_reorder_partners(self):
        PartnerFactory(name="Archway Advice Centre", sort_order=1)
        before = self.partnership_html()
        self.assertLess(before.index("Islington Food Bank"), before.index("Archway Advice"))
        self.client.force_login(self.editor)
        url = reverse("wagtailsnippets_partnership_partner:reorder", args=[self.partner.pk])
        self.client.post(f"{url}?position=1")
        self.assertEqual(self.partnership_html(), before)

    def test_an_editors_new_partner_waits_for_approval(self):
        self.client.force_login(self.editor)
        self.client.post(
            reverse("wagtailsnippets_partnership_partner:add"),
            {
                **self.partner_data(name="Defaced Trust", web_address="https://x.example.org/"),
                "action-submit": "1",
            },
        )
        self.assertTrue(Partner.objects.filter(name="Defaced Trust").exists())
        self.assertNotIn("Defaced Trust", self.partnership_html())

    def test_editor_submits_approver_approves_and_it_goes_live(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            self.edit_url,
            {**self.partner_data(name="Islington Food Bank CIC"), "action-submit": "1"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertNotIn("Islington Food Bank CIC", self.partnership_html())

        self.partner.refresh_from_db()
        workflow_state = self.partner.current_workflow_state
        self.assertEqual(workflow_state.status, "in_progress")
        task_state = workflow_state.current_task_state
        approve_url = reverse(
            "wagtailsnippets_partnership_partner:workflow_action",
            args=[self.partner.pk, "approve", task_state.pk],
        )
        self.client.force_login(self.editor)
        self.client.post(approve_url, {"comment": ""})
        self.assertNotIn("Islington Food Bank CIC", self.partnership_html())

        self.client.force_login(self.approver)
        response = self.client.post(approve_url, {"comment": "Checked."})
        self.assertEqual(response.status_code, 302)
        self.assertIn("Islington Food Bank CIC", self.partnership_html())
        entry = ModelLogEntry.objects.filter(action="wagtail.publish").latest("timestamp")
        self.assertEqual(entry.user, self.approver)

    def test_an_approver_publishes_directly(self):
        self.client.force_login(self.approver)
        self.client.post(
            self.edit_url,
            {**self.partner_data(name="Islington Food Bank CIC"), "action-publish": "1"},
        )
        self.assertIn("Islington Food Bank CIC", self.partnership_html())
