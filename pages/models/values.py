"""The values page: the "Be Islington" work ethic and the CARE values."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import ValueBlock
from .base import PARAGRAPH_FEATURES, LinkableItemsMixin, SitePage, page_search_fields


class ValuesPage(LinkableItemsMixin, SitePage):
    introduction = RichTextField(features=PARAGRAPH_FEATURES)
    work_ethic = RichTextField(
        features=PARAGRAPH_FEATURES,
        help_text="The 'Be Islington' work ethic that the values below spell out.",
    )
    values = StreamField(
        [("value", ValueBlock())],
        min_num=1,
        help_text="Each value in the order it should be read, for example C, A, R, E.",
    )

    search_fields = page_search_fields("introduction", "work_ethic", "values")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", help_text="What our values are for and who they guide."),
        FieldPanel("work_ethic"),
        FieldPanel("values"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    linkable_items = (("values", "name"),)
