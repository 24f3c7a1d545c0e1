"""Images uploaded through the admin need alt text unless marked decorative."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.test.utils import WagtailTestUtils

ALT_TEXT_ERROR = "Describe what the image shows, or mark it as decorative."


def uploaded_images():
    """Images editors uploaded (the seeded site's own images were not uploaded)."""
    return get_image_model().objects.filter(uploaded_by_user__isnull=False)


def png_upload():
    return SimpleUploadedFile("trees.png", get_test_image_file().file.getvalue(), "image/png")


class AltTextRequiredTests(WagtailTestUtils, TestCase):
    def setUp(self):
        self.login()
        self.collection = Collection.get_first_root_node()

    def add_image(self, **fields):
        return self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Tree planting",
                "file": png_upload(),
                "collection": self.collection.pk,
                **fields,
            },
        )

    def test_the_add_form_says_alt_text_is_required(self):
        response = self.client.get(reverse("wagtailimages:add"))
        self.assertContains(response, "Alt text (description)")
        self.assertContains(response, "Required unless the image is decorative.")

    def test_an_image_without_alt_text_is_refused(self):
        response = self.add_image(description="")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, ALT_TEXT_ERROR)
        self.assertFalse(uploaded_images().exists())

    def test_an_image_with_alt_text_is_saved(self):
        response = self.add_image(description="Residents planting trees on Highbury Fields")
        self.assertEqual(response.status_code, 302)
        image = uploaded_images().get()
        self.assertEqual(image.alt_text, "Residents planting trees on Highbury Fields")

    def test_a_decorative_image_needs_no_alt_text(self):
        response = self.add_image(description="", is_decorative="on")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(uploaded_images().get().alt_text, "")

    def test_multiple_upload_asks_for_alt_text_before_creating_the_image(self):
        response = self.client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": png_upload(), "collection": self.collection.pk},
        )
        data = json.loads(response.content)
        self.assertTrue(data["success"])
        self.assertIn("uploaded_file_id", data)
        self.assertFalse(uploaded_images().exists())

        upload_id = data["uploaded_file_id"]
        complete_url = reverse(
            "wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]
        )
        prefix = f"uploaded-image-{upload_id}"
        refused = json.loads(
            self.client.post(
                complete_url,
                {f"{prefix}-title": "Tree planting", f"{prefix}-collection": self.collection.pk},
            ).content
        )
        self.assertFalse(refused["success"])
        self.assertIn(ALT_TEXT_ERROR, refused["form"])

        created = json.loads(
            self.client.post(
                complete_url,
                {
                    f"{prefix}-title": "Tree planting",
                    f"{prefix}-collection": self.collection.pk,
                    f"{prefix}-description": "Residents planting trees",
                },
            ).content
        )
        self.assertTrue(created["success"])
        self.assertEqual(uploaded_images().get().description, "Residents planting trees")
