"""The home page: the council's vision, the hero image and the sections below it."""

import hashlib

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from images.alt_text import ImageAltText, alt_text_field, decorative_field, image_field
from pagecache.generation import cached_for_this_generation

from ..navigation import LINK_FIELDS, public_only, site_root, site_sections
from .base import SitePage, page_search_fields


class HomePage(SitePage):
    introduction = models.TextField(
        help_text="Leads into the vision statement, for example how the vision came about."
    )
    vision = models.TextField(
        "vision statement",
        help_text="The council's vision, shown as a highlighted statement.",
    )
    hero_image = image_field()
    hero_image_alt_text = alt_text_field(
        help_text="Describe what the image shows for people who cannot see it. "
        "Leave blank to use the image's own description."
    )
    hero_image_is_decorative = decorative_field(
        "image is decorative",
        "Tick only if the image adds no information. Screen readers will skip it.",
    )
    hero_alt_text = ImageAltText("hero_image", "hero_image_alt_text", "hero_image_is_decorative")

    search_fields = page_search_fields("introduction", "vision")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("vision"),
        hero_alt_text.panel(
            "Hero image",
            image_help_text="Shown beside the vision statement. Optional: the page reads "
            "well without it.",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "priorities.PrioritiesIndexPage",
        "pages.ValuesPage",
        "pages.InequalityPage",
        "partnership.PartnershipPage",
        "pages.StandardPage",
    ]
    max_count = 1

    summary_field = "vision"

    def get_share_image(self):
        if not self.hero_image:
            return None
        return self.hero_image, self.hero_alt_text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root = site_root(request)
        if root is not None and root.pk == self.pk:
            sections = site_sections(request)  # shared with the navigation: no extra query
        else:
            sections = public_only(self.get_children().live().only(*LINK_FIELDS))
        context["sections"] = [section for section in sections if section.show_in_menus]
        return context

    def route(self, request, path_components):
        """Find a page below home in one query, where Wagtail's default takes two per level."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            # Kept until the content next changes; privacy is still asked of the database.
            page = cached_for_this_generation(
                "page-" + hashlib.sha256(url_path.encode()).hexdigest(),
                lambda: Page.objects.filter(url_path=url_path).specific().first(),
            )
            if page is not None and page.path.startswith(self.path):
                return page.route(request, [])
        # Not a page of its own, such as a route inside a routable page: walk the tree.
        return super().route(request, path_components)
