"""Alt text follows its image: a new image never keeps the old image's description."""

from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model

from editorial.tests.test_previews import preview_data
from pages.models import HomePage

from .utils import EDITORS, make_user, seed_site


class AltTextFollowsItsImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.editor = make_user("editor", EDITORS)

    def setUp(self):
        self.home = HomePage.objects.get()
        self.other_image = get_image_model().objects.exclude(pk=self.home.hero_image_id).first()
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.home.pk])
        self.client.force_login(self.editor)

    def save_draft(self, **changes):
        data = preview_data(self.home)
        data.update(changes)
        response = self.client.post(self.edit_url, data)
        self.assertEqual(response.status_code, 302)
        return HomePage.objects.get(pk=self.home.pk).get_latest_revision_as_object()

    def test_changing_the_hero_image_drops_the_old_images_alt_text(self):
        self.assertTrue(self.home.hero_image_alt_text)

        draft = self.save_draft(hero_image=self.other_image.pk)

        self.assertEqual(draft.hero_image_id, self.other_image.pk)
        self.assertEqual(draft.hero_image_alt_text, "")
        self.assertEqual(draft.hero_alt_text, self.other_image.description)

    def test_alt_text_written_for_the_new_image_is_kept(self):
        draft = self.save_draft(
            hero_image=self.other_image.pk, hero_image_alt_text="Residents at a street party"
        )

        self.assertEqual(draft.hero_image_alt_text, "Residents at a street party")

    def test_the_same_image_keeps_its_alt_text(self):
        draft = self.save_draft(hero_image_alt_text="A family reading together at home")

        self.assertEqual(draft.hero_image_alt_text, "A family reading together at home")
