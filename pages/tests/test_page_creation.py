"""Editors can create each section once, in its place, through the admin."""

from django.core.management import call_command
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import HomePage, InequalityPage, StandardPage, ValuesPage
from partnership.models import PartnershipPage
from priorities.factories import PriorityPageFactory
from priorities.models import PrioritiesIndexPage, PriorityPage


class SeededTreeTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        with open("/dev/null", "w") as devnull:
            call_command("load_seed_content", stdout=devnull)
        cls.home = HomePage.objects.get()
        cls.index = PrioritiesIndexPage.objects.get()

    def setUp(self):
        self.login()


class PageCreationTests(SeededTreeTestCase):
    def test_sections_cannot_be_created_twice(self):
        for model in (HomePage, PrioritiesIndexPage, ValuesPage, InequalityPage, PartnershipPage):
            with self.subTest(page=model.__name__):
                self.assertFalse(model.can_create_at(self.home))

    def test_a_fifth_priority_can_be_created_under_the_index(self):
        self.assertCanCreateAt(PrioritiesIndexPage, PriorityPage)
        self.assertCanNotCreateAt(HomePage, PriorityPage)

        self.assertCanCreate(
            self.index,
            PriorityPage,
            nested_form_data(
                {
                    "title": "A borough where everyone can read",
                    "slug": "a-borough-where-everyone-can-read",
                    "icon": "house",
                    "icon_label": "",
                    "summary": "opening libraries for longer",
                    "commitments": streamfield(
                        [("commitment", {"text": "Opening libraries for longer", "anchor": ""})]
                    ),
                    "body": streamfield([]),
                }
            ),
        )

        created = PriorityPage.objects.get(slug="a-borough-where-everyone-can-read")
        self.assertEqual(created.commitments[0].value["anchor"], "opening-libraries-for-longer")

    def test_a_standard_page_can_be_created_under_home(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Contact the communications team",
                    "slug": "contact",
                    "introduction": "How to reach us.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Email the communications team.</p>"))]
                    ),
                }
            ),
        )

    def test_every_seeded_page_renders(self):
        for page in Page.objects.filter(depth__gt=1).specific():
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_the_home_page_previews_from_its_editor(self):
        self.assertPageIsPreviewable(self.home)

    def test_every_seeded_page_opens_in_the_editor(self):
        for page in Page.objects.filter(depth__gt=1):
            with self.subTest(page=page.title):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)

    def test_the_priorities_index_lists_new_priorities_once_published(self):
        draft = PriorityPageFactory(title="Draft priority", live=False)

        self.assertNotContains(self.client.get(self.index.url), "Draft priority")
        draft.save_revision().publish()
        self.assertContains(self.client.get(self.index.url), "Draft priority")
