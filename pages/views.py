from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

RESULTS_PER_PAGE = 10
QUERY_MAX_LENGTH = 200


def search(request):
    """Site search: Wagtail search over live, public pages (PostgreSQL full-text search
    on PostgreSQL). Any page number is accepted: Paginator.get_page falls back to the
    first or last page rather than failing."""
    query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
    results = None
    if query:
        matches = Page.objects.live().public().exclude(depth=1).specific().search(query)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/search.html", {"query": query, "results": results})
