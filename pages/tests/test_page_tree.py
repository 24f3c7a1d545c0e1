"""Where each kind of page may live, so editors cannot build a broken tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import HomePage, InequalityPage, StandardPage, ValuesPage
from partnership.models import PartnershipPage
from priorities.models import PrioritiesIndexPage, PriorityPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {PrioritiesIndexPage, ValuesPage, InequalityPage, PartnershipPage, StandardPage},
        )

    def test_sections_live_under_the_home_page(self):
        for section in (PrioritiesIndexPage, ValuesPage, InequalityPage, PartnershipPage):
            with self.subTest(section=section.__name__):
                self.assertAllowedParentPageTypes(section, {HomePage})

    def test_priorities_live_only_under_the_priorities_index(self):
        self.assertAllowedParentPageTypes(PriorityPage, {PrioritiesIndexPage})
        self.assertAllowedSubpageTypes(PrioritiesIndexPage, {PriorityPage})

    def test_content_pages_have_no_children_of_their_own(self):
        for leaf in (PriorityPage, ValuesPage, InequalityPage, PartnershipPage):
            with self.subTest(page=leaf.__name__):
                self.assertAllowedSubpageTypes(leaf, set())

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_single_sections_exist_once(self):
        for model in (HomePage, PrioritiesIndexPage, ValuesPage, InequalityPage, PartnershipPage):
            with self.subTest(page=model.__name__):
                self.assertEqual(model.max_count, 1)
        self.assertIsNone(PriorityPage.max_count)
        self.assertIsNone(StandardPage.max_count)
