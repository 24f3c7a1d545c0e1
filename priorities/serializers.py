"""How a priority appears in the JSON API partners reuse."""

from urllib.parse import urljoin

from django.templatetags.static import static
from rest_framework import serializers


def _page_url(page, context):
    return page.get_full_url(context.get("request"))


class CommitmentsField(serializers.Field):
    """Each commitment with its anchor and the full address partners link to."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        page_url = _page_url(page, self.context)
        return [
            {
                "text": child.value["text"],
                "anchor": child.value["anchor"] or child.id,
                "url": f"{page_url}#{child.value['anchor'] or child.id}",
            }
            for child in page.commitments
        ]


class IconField(serializers.Field):
    """The icon's name, its text alternative and the absolute URL of its SVG file."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return {
            "name": page.icon,
            "label": page.icon_label,
            "url": urljoin(_page_url(page, self.context), static(f"icons/{page.icon}.svg")),
        }
