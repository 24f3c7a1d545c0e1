from django import template

from pages import anchors

register = template.Library()


@register.filter
def with_heading_ids(stream_value):
    """Each block of a body with the id its heading renders (pages/anchors.py)."""
    return anchors.with_heading_ids(stream_value)


@register.filter
def heading_id_from_text(text):
    """A lone heading's id, for a block rendered on its own (the admin's block preview)."""
    return anchors.heading_id_from_text(text)
