"""Standard pages, such as the accessibility statement, with a contents list."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..anchors import with_heading_ids
from ..blocks import BodyBlock
from .base import SitePage, page_search_fields


class StandardPage(SitePage):
    introduction = models.TextField(blank=True, help_text="A short summary shown first.")
    body = StreamField(BodyBlock(), blank=True)

    search_fields = page_search_fields("introduction", "body")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel(
            "body",
            help_text="The page's content: headings, paragraphs, images, quotes and inset "
            "text. Headings go in order, level 2 before level 3.",
        ),
    ]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    # Pages with at least this many section headings get a contents list.
    contents_min_headings = 2

    def contents(self):
        """The section headings, each with the id its heading block renders."""
        return [
            {"text": block.value["text"], "anchor": heading_id}
            for block, heading_id in with_heading_ids(self.body)
            if heading_id and block.value["level"] == "h2"
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contents = self.contents()
        context["contents"] = contents if len(contents) >= self.contents_min_headings else []
        return context
