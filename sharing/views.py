from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site


@require_safe
def robots_txt(request):
    """Crawlers may read every public page, find them all in the sitemap, and skip the admin."""
    site = Site.find_for_request(request)
    sitemap_path = reverse("sitemap")
    sitemap_url = site.root_url + sitemap_path if site else request.build_absolute_uri(sitemap_path)
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
