from django import template
from wagtail.models import Page

from pages.icons import render_icon
from pages.navigation import ancestors_for_breadcrumbs, site_root, site_sections

register = template.Library()


@register.simple_tag
def icon(name, label="", css_class="icon"):
    return render_icon(name, label, css_class)


@register.inclusion_tag("components/navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    current = context.get("page")
    items = [
        {
            "title": section.title,
            "url": section.get_url(request),
            "is_current": current is not None and current.url_path.startswith(section.url_path),
        }
        for section in site_sections(request)
        if section.show_in_menus
    ]
    return {"root": site_root(request), "items": items, "request": request}


@register.simple_tag(takes_context=True)
def section_url(context, slug):
    """The address of a top-level page by its slug, from the sections already read."""
    request = context["request"]
    for section in site_sections(request):
        if section.slug == slug:
            return section.get_url(request)
    return ""


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    request = context["request"]
    page = context.get("page")
    trail = []
    if isinstance(page, Page) and page.depth > 2:
        trail = [
            {"title": a.title, "url": a.get_url(request)}
            for a in ancestors_for_breadcrumbs(page, request)
        ]
    return {"trail": trail, "page": page, "languages": context.get("languages")}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the language of the request."""
    request = context["request"]
    root = site_root(request)
    return root.get_url(request) if root is not None else "/"
