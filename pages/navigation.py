"""Navigation, breadcrumbs and footer links from a constant number of queries.

Every page shows the site's top-level sections, so they are fetched once (with
only the fields links need), kept in the cache until the content next changes,
and shared by the header, footer, breadcrumbs and the home page's cards,
however many pages the site grows.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from pagecache.generation import cached_for_this_generation, memoised_for_this_generation

LINK_FIELDS = ("title", "slug", "url_path", "path", "depth", "show_in_menus", "search_description")


def public_only(pages):
    """The pages of a queryset outside private sections (Wagtail's `.public()`), in the
    same query: a page is private when a restriction sits on it or on an ancestor,
    whose tree path is a prefix of its own."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return list(pages.alias(is_private=Exists(restricted)).filter(is_private=False))


def home_pages(site):
    """The site's home page in each language, whole and specific: Wagtail routes every
    page from one (pages.middleware) and every menu starts at one. A few pages, kept in
    this process until the content next changes, like the sites' host names (pagecache).

    A translation counts once it is live; the site's own root page always counts, as in
    Wagtail's `Page.localized`, so routing still answers 404 for it when it is not live."""
    root = site.root_page

    def read():
        translations = type(root.specific).objects.filter(translation_key=root.translation_key)
        return {
            home.locale.language_code: home
            for home in translations.select_related("locale")
            if home.live or home.pk == root.pk
        }

    return memoised_for_this_generation(f"homes-{site.root_page_id}", read)


def site_root(request):
    """The site's home page in the language of the request (`/tr/…` is under the
    Turkish home), or the English home where there is no live translation."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = translation.get_language()
    home = home_pages(site).get(language)
    if home is None and getattr(request, "is_preview", False):
        # The admin's preview of a translation not published yet: its language's home
        # page, a draft too, so the editor sees the menu as it will read, not English.
        home = (
            site.root_page.get_translations()
            .filter(locale__language_code=language)
            .only(*LINK_FIELDS, "numchild", "live")
            .first()
        )
    return home or site.root_page


def site_sections(request):
    """The live, public children of the site's home page in the language of the
    request, in tree order."""
    if not hasattr(request, "_site_sections"):
        root = site_root(request)
        sections = []
        if root is not None:
            children = root.get_children().only(*LINK_FIELDS)
            # Only a preview reaches a draft home page (site_root): its sections are
            # drafts too, shown as they will be once published.
            if root.live:
                children = children.live()
            sections = cached_for_this_generation(
                # Each language has its own home page, so the Turkish menu is never
                # shown on English pages.
                f"sections-{root.pk}",
                lambda: public_only(children),
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
