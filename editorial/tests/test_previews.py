"""Every page type previews from its editor, every block previews in the block picker,
and required fields are enforced when publishing."""

from django.test import TestCase
from django.urls import reverse
from wagtail.blocks import StreamBlock
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import HomePage, InequalityPage, StandardPage, ValuesPage
from partnership.models import PartnershipPage
from priorities.models import PrioritiesIndexPage, PriorityPage

from .utils import (
    APPROVERS,
    EDITORS,
    ensure_roles,
    index_form_data,
    make_user,
    priority_form_data,
    seed_site,
)

OUR_PAGE_TYPES = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]


def linkable_items(block_name, stream):
    return streamfield(
        [
            (block_name, {"text": child.value["text"], "anchor": child.value["anchor"]})
            for child in stream
        ]
    )


def preview_data(page):
    """What each page type's editor posts: StreamField data is not in the edit form's HTML."""
    common = {"title": page.title, "slug": page.slug}
    if isinstance(page, HomePage):
        fields = {
            "introduction": page.introduction,
            "vision": page.vision,
            "hero_image": page.hero_image_id or "",
            "hero_image_alt_text": page.hero_image_alt_text,
        }
        if page.hero_image_is_decorative:
            fields["hero_image_is_decorative"] = "on"
    elif isinstance(page, PrioritiesIndexPage):
        return index_form_data(page)
    elif isinstance(page, PriorityPage):
        return priority_form_data(page)
    elif isinstance(page, ValuesPage):
        fields = {
            "introduction": rich_text(page.introduction),
            "work_ethic": rich_text(page.work_ethic),
            "values": streamfield(
                [
                    (
                        "value",
                        {
                            "name": child.value["name"],
                            "description": rich_text(child.value["description"].source),
                            "anchor": child.value["anchor"],
                        },
                    )
                    for child in page.values
                ]
            ),
        }
    elif isinstance(page, InequalityPage):
        fields = {
            "introduction": rich_text(page.introduction),
            "ways_introduction": page.ways_introduction,
            "ways": linkable_items("way", page.ways),
        }
    elif isinstance(page, PartnershipPage):
        fields = {
            "challenges": rich_text(page.challenges),
            "approach": rich_text(page.approach),
            "aims_introduction": page.aims_introduction,
            "aims": linkable_items("aim", page.aims),
            "closing": rich_text(page.closing),
            "logo": page.logo_id or "",
            "logo_alt_text": page.logo_alt_text,
        }
    elif isinstance(page, StandardPage):
        fields = {
            "introduction": page.introduction,
            "body": streamfield([("paragraph", rich_text("<p>Our accessibility statement.</p>"))]),
        }
    else:
        raise AssertionError(f"No preview data for {type(page).__name__}")
    return nested_form_data({**common, **fields})


class PreviewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()

    def test_every_page_type_previews_from_its_editor(self):
        seeded_types = set()
        for model in OUR_PAGE_TYPES:
            for page in model.objects.exact_type(model).specific():
                seeded_types.add(model)
                with self.subTest(page=page.title):
                    self.assertPageIsPreviewable(page, post_data=preview_data(page))
        self.assertEqual(set(OUR_PAGE_TYPES) - seeded_types, set())


def our_stream_blocks():
    """Every block an editor can add to a StreamField of our page types."""
    for model in OUR_PAGE_TYPES:
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                assert isinstance(field.stream_block, StreamBlock)
                yield from field.stream_block.child_blocks.values()


class BlockPreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", EDITORS)

    def test_every_block_has_a_description_and_previews_with_the_site_styles(self):

        ensure_roles()
        self.client.force_login(self.editor)
        for block in our_stream_blocks():
            with self.subTest(block=block.name):
                self.assertTrue(block.meta.description, f"{block.name} has no description")
                if not block.is_previewable:
                    # Image blocks need an uploaded image to show; they are not previewed.
                    self.assertEqual(block.name, "image")
                    continue
                response = self.client.get(
                    reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "/static/css/main.css")
                self.assertContains(response, f"block-{block.name}")

    def test_an_unknown_block_is_a_404(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_block_preview"), {"id": "blockdef-x"})
        self.assertEqual(response.status_code, 404)


class RequiredFieldsTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.approver = make_user("approver", APPROVERS)

    def test_required_fields_are_enforced_when_publishing(self):
        page = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
        self.client.force_login(self.approver)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            {**priority_form_data(page, summary=""), "action-publish": "1"},
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The page could not be saved due to validation errors")
        page.refresh_from_db()
        self.assertTrue(page.summary)


def field_panels(panels):
    for panel in panels:
        if hasattr(panel, "children"):
            yield from field_panels(panel.children)
        elif hasattr(panel, "field_name"):
            yield panel


def test_every_field_of_every_page_type_has_help_text():
    missing = []
    for model in OUR_PAGE_TYPES:
        for panel in field_panels(model.content_panels):
            if panel.field_name == "title":
                continue
            field = model._meta.get_field(panel.field_name)
            if not (panel.help_text or field.help_text):
                missing.append(f"{model.__name__}.{panel.field_name}")
    assert missing == []


class PreviewPolicyTests(TestCase):
    """The preview panel frames the page as residents get it, and only the admin may frame it."""

    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.editor = make_user("editor", EDITORS)

    def directives(self, response):
        policy = {}
        for part in response.headers["Content-Security-Policy"].split(";"):
            name, *values = part.split()
            policy[name] = values
        return policy

    def test_the_preview_keeps_the_public_policy_but_the_admin_may_frame_it(self):
        home = HomePage.objects.get()
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk])
        self.client.force_login(self.editor)
        self.client.post(preview_url, preview_data(home))

        response = self.client.get(preview_url, {"in_preview_panel": "true"})

        self.assertContains(response, f'<h1 class="heading-xl">{home.title}</h1>', html=True)
        policy = self.directives(response)
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["script-src"], ["'self'"])
        self.assertEqual(policy["style-src"], ["'self'"])
        self.assertEqual(response.headers["X-Frame-Options"], "SAMEORIGIN")

    def test_public_pages_still_forbid_all_framing(self):
        response = self.client.get(HomePage.objects.get().url)

        self.assertEqual(self.directives(response)["frame-ancestors"], ["'none'"])
        self.assertEqual(response.headers["X-Frame-Options"], "DENY")
