from django import template

from sharing.metadata import page_metadata as build_page_metadata

register = template.Library()


@register.inclusion_tag("components/meta.html", takes_context=True)
def page_metadata(context):
    """Description, canonical URL, link preview tags and JSON-LD for the current page."""
    return build_page_metadata(context.get("page"), context["request"])
