"""The inline SVG icons editors can choose for a priority.

Each icon is a file in static/icons/. Add a file there and a line here to
offer another.
"""

from functools import cache

from django.contrib.staticfiles import finders
from django.utils.html import format_html
from django.utils.safestring import mark_safe

ICON_CHOICES = [
    ("house", "House"),
    ("handshake", "Handshake"),
    ("alert", "Alert"),
    ("trees", "Trees"),
]


@cache
def _svg_markup(name):
    path = finders.find(f"icons/{name}.svg")
    if path is None:
        raise LookupError(f"No icon file static/icons/{name}.svg")
    with open(path, encoding="utf-8") as svg_file:
        markup = svg_file.read().strip()
    # Drop the opening tag's name so the caller can set its own attributes.
    return markup.removeprefix("<svg")


def render_icon(name, label="", css_class="icon"):
    """The icon as inline SVG: named for screen readers when it has a label,
    hidden from them when it is decorative."""
    body = _svg_markup(name)
    if label:
        opening_tag, rest = body.split(">", 1)
        return format_html(
            '<svg class="{}" role="img" focusable="false"{}><title>{}</title>{}',
            css_class,
            mark_safe(opening_tag),  # noqa: S308 - markup from our own static files
            label,
            mark_safe(rest),  # noqa: S308
        )
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"{}',
        css_class,
        mark_safe(body),  # noqa: S308
    )
