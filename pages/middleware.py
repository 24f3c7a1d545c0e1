"""The request's Wagtail Site, from the cache until the content next changes."""

from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from pagecache.generation import cached_for_this_generation
from pagecache.middleware import is_configured_host


class CachedSiteMiddleware:
    """Give Wagtail's page serving the request's Site (with its home page) before it looks.

    Wagtail asks the database on every request (`Site.find_for_request`), with a query
    that costs more to build than to run, and then fetches the home page's own fields
    to route the request. Sites and pages change the content version, so both are kept
    in the cache until then, for the hosts this server is configured for (any other
    host is looked up as Wagtail does, so nobody can fill the cache with copies).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Only for Wagtail's page serving: other views (health checks, say) never wait
        # on the database or the cache for a site they do not use.
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_site"):
            site = cached_site(request)
            if site is not None:
                request._wagtail_site = site  # where Site.find_for_request looks first


def cached_site(request):
    # The host and port exactly as Site.find_for_request reads them.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    if not is_configured_host(hostname):
        return None
    return cached_for_this_generation(
        f"site-{hostname}-{port}", lambda: site_with_home_page(hostname, port)
    )


def site_with_home_page(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)  # as Site.find_for_request does
    except Site.DoesNotExist:
        return None  # not kept: Wagtail looks again, and finds none
    site.root_page.specific  # noqa: B018 - kept with the site: Wagtail routes from it
    return site
