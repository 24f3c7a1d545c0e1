from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page, Site

from pages.icons import render_icon

register = template.Library()


@register.simple_tag
def icon(name, label="", css_class="icon"):
    return render_icon(name, label, css_class)


# The fields that open each page type, in order of preference.
DESCRIPTION_FIELDS = ("search_description", "summary", "introduction", "challenges")


@register.simple_tag
def meta_description(page):
    """The editor's search description, else the page's own opening words."""
    for field_name in DESCRIPTION_FIELDS:
        text = strip_tags(str(getattr(page, field_name, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(160)
    return ""


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("components/navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    current = context.get("page")
    root = _site_root(request)
    items = []
    if root is not None:
        sections = root.get_children().live().public().in_menu().only("title", "url_path")
        items = [
            {
                "title": section.title,
                "url": section.get_url(request),
                "is_current": current is not None and current.url_path.startswith(section.url_path),
            }
            for section in sections
        ]
    return {"root": root, "items": items, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    request = context["request"]
    page = context.get("page")
    trail = []
    if isinstance(page, Page) and page.depth > 2:
        ancestors = page.get_ancestors().filter(depth__gt=1).live().only("title", "url_path")
        trail = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    return {"trail": trail, "page": page}
