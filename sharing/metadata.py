"""What each page tells search engines and link previews: its description,
canonical address, share image and structured data (JSON-LD)."""

import json
from urllib.parse import urljoin

from django.templatetags.static import static
from django.utils.safestring import mark_safe
from wagtail.models import Page

from languages.locales import page_language
from pages.models import SiteSettings
from pages.navigation import ancestors_for_breadcrumbs

SHARE_IMAGE_SPEC = "fill-1200x630"
DEFAULT_SHARE_IMAGE = "images/share-default.png"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)

# JSON inside <script> must not be able to close the element or open a comment.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data):
    """Structured data as a JSON string safe to place inside a <script> element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE))  # noqa: S308


def site_root_url(page, request):
    """The site's absolute base URL (no trailing slash), as the Site record gives it."""
    url_parts = page.get_url_parts(request)
    return url_parts[1] if url_parts else request.build_absolute_uri("/").rstrip("/")


def share_image(page, root_url):
    """URL, size and alt text of the 1200×630 image shown when the page is shared."""
    chosen = page.get_share_image() if hasattr(page, "get_share_image") else None
    if chosen:
        image, alt = chosen
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        return {
            "url": urljoin(root_url + "/", rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt,
        }
    width, height = DEFAULT_SHARE_IMAGE_SIZE
    return {
        "url": urljoin(root_url + "/", static(DEFAULT_SHARE_IMAGE)),
        "width": width,
        "height": height,
        "alt": "",
    }


def organisation_data(site_settings, root_url):
    return {
        "@type": "GovernmentOrganization",
        "@id": f"{root_url}/#organization",
        "name": site_settings.organisation_name,
        "url": f"{root_url}/",
    }


def page_structured_data(page, request, site_settings, canonical_url, description, image):
    """The council, the page and its breadcrumb trail, as one JSON-LD graph."""
    root_url = site_root_url(page, request)
    organisation = organisation_data(site_settings, root_url)
    trail = [*ancestors_for_breadcrumbs(page, request), page]
    breadcrumbs = {
        "@type": "BreadcrumbList",
        "@id": f"{canonical_url}#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": "Home" if position == 1 else crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }
    web_page = {
        "@type": "WebPage",
        "@id": canonical_url,
        "url": canonical_url,
        "name": page.seo_title or page.title,
        "description": description,
        "inLanguage": page_language(page).tag,
        "publisher": {"@id": organisation["@id"]},
        "breadcrumb": {"@id": breadcrumbs["@id"]},
        "primaryImageOfPage": {"@type": "ImageObject", "url": image["url"]},
    }
    if page.first_published_at:
        web_page["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        web_page["dateModified"] = page.last_published_at.isoformat()
    graph = [organisation, web_page, breadcrumbs]
    if hasattr(page, "get_structured_data"):
        graph += page.get_structured_data(request)
    return {"@context": "https://schema.org", "@graph": graph}


def page_metadata(page, request):
    """Everything templates/components/meta.html needs for one page."""
    if not isinstance(page, Page):
        return {}
    site_settings = SiteSettings.for_request(request)
    root_url = site_root_url(page, request)
    canonical_url = page.get_full_url(request)
    if hasattr(page, "get_meta_description"):
        description = page.get_meta_description()
    else:
        description = page.search_description
    image = share_image(page, root_url)
    return {
        "title": page.seo_title or page.title,
        "og_locale": page_language(page).tag.replace("-", "_"),
        "description": description,
        "canonical_url": canonical_url,
        "site_name": f"{site_settings.service_name} – {site_settings.organisation_name}",
        "image": image,
        "structured_data": json_ld(
            page_structured_data(page, request, site_settings, canonical_url, description, image)
        ),
    }
