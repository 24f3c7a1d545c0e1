"""The request's Wagtail Site and route, from this process's memory until the content
next changes."""

from django.http import Http404
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from pagecache.generation import memoised_for_this_generation
from pagecache.middleware import is_configured_host

from .navigation import site_root


class CachedSiteMiddleware:
    """Give Wagtail's page serving the request's Site, the sites' root paths and the
    route before it looks them up.

    For every page Wagtail asks the database for the Site (`Site.find_for_request`,
    a query that costs more to build than to run), the Locale of the address and the
    home page's translation in it (`root_page.localized`), and the sites' root paths
    for each link (with translations, the home page's too). Sites, locales and pages
    change the content version, so all of it is kept in this process until then: a
    few objects, for the hosts this server is configured for (any other host is looked
    up as Wagtail does, so nobody can fill the memory with copies).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Only for Wagtail's page serving: other views (health checks, say) never wait
        # on the database for a site they do not use.
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_site"):
            site = cached_site(request)
            if site is not None:
                # Where Site.find_for_request, Page.get_url_parts and
                # Page.route_for_request look first.
                request._wagtail_site = site
                request._wagtail_cached_site_root_paths = memoised_for_this_generation(
                    "site-root-paths", Site.get_site_root_paths
                )
                # serve(request, path): Wagtail's URL pattern passes the path unnamed.
                path = view_args[0] if view_args else view_kwargs["path"]
                request._wagtail_route_for_request = route(request, path)


def cached_site(request):
    # The host and port exactly as Site.find_for_request reads them.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    if not is_configured_host(hostname):
        return None
    return memoised_for_this_generation(
        f"site-{hostname}-{port}", lambda: site_with_home_page(hostname, port)
    )


def site_with_home_page(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)  # as Site.find_for_request does
    except Site.DoesNotExist:
        return None  # Wagtail looks again, and finds none
    site.root_page.specific  # noqa: B018 - kept with the site: Wagtail routes from it
    return site


def route(request, path):
    """Page.route_for_request, from the home page in the address's language as the
    menus find it (site_root): where Wagtail reads the locale and the translation from
    the database, here they come from memory."""
    try:
        home = site_root(request).specific
        return home.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None  # as Wagtail keeps it: the view answers 404
