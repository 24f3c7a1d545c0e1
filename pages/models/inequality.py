"""The challenging inequality page: the ways we celebrate and embrace our differences."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import WayOfCelebratingDifferenceBlock
from .base import PARAGRAPH_FEATURES, LinkableItemsMixin, SitePage, page_search_fields


class InequalityPage(LinkableItemsMixin, SitePage):
    introduction = RichTextField(features=PARAGRAPH_FEATURES)
    ways_introduction = models.CharField(
        "introduction to the list",
        max_length=255,
        help_text="The sentence that leads into the list below.",
    )
    ways = StreamField(
        [("way", WayOfCelebratingDifferenceBlock())],
        min_num=1,
        verbose_name="ways we celebrate and embrace our differences",
    )

    search_fields = page_search_fields("introduction", "ways")

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "introduction", help_text="Why challenging inequality matters, and what we commit to."
        ),
        FieldPanel("ways_introduction"),
        FieldPanel(
            "ways",
            help_text="Each way in the order it should be read. Partners link to each one "
            "by its anchor.",
        ),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    linkable_items = (("ways", "text"),)
