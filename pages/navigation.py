"""Navigation, breadcrumbs and footer links from a constant number of queries.

Every page shows the site's top-level sections, so they are fetched once (with
only the fields links need), kept in the cache until the content next changes,
and shared by the header, footer, breadcrumbs and the home page's cards,
however many pages the site grows.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction, Site

from pagecache.generation import cached_for_this_generation

LINK_FIELDS = ("title", "slug", "url_path", "path", "depth", "show_in_menus", "search_description")


def public_only(pages):
    """The pages of a queryset outside private sections (Wagtail's `.public()`), in the
    same query: a page is private when a restriction sits on it or on an ancestor,
    whose tree path is a prefix of its own."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return list(pages.alias(is_private=Exists(restricted)).filter(is_private=False))


def site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def site_sections(request):
    """The live, public children of the site's home page, in tree order."""
    if not hasattr(request, "_site_sections"):
        root = site_root(request)
        sections = []
        if root is not None:
            sections = cached_for_this_generation(
                f"sections-{root.pk}",
                lambda: public_only(root.get_children().live().only(*LINK_FIELDS)),
            )
        request._site_sections = sections
    return request._site_sections


def ancestors_for_breadcrumbs(page, request):
    """The home page and sections above `page`, without a query when shallow."""
    root = site_root(request)
    if root is None or page.depth <= root.depth:
        return []
    if page.depth == root.depth + 1:
        return [root]
    if page.depth == root.depth + 2:
        parent_path = page.path[: -Page.steplen]
        parents = [section for section in site_sections(request) if section.path == parent_path]
        if parents:
            return [root, *parents]
    return list(page.get_ancestors().filter(depth__gte=root.depth).live().only(*LINK_FIELDS))
