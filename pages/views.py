from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from languages.locales import active_locale_id

from .search import QUERY_MAX_LENGTH, search_terms

RESULTS_PER_PAGE = 10


def search(request):
    """Site search: Wagtail search over live, public pages (PostgreSQL full-text search
    on PostgreSQL). Any query gets results or none: only its words are searched for.
    Any page number is accepted: Paginator.get_page falls back to the first or last
    page rather than failing."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:QUERY_MAX_LENGTH]
    terms = search_terms(query)
    results = None
    if terms:
        # The pages in the language of the address: /search/ English, /tr/search/ Turkish.
        pages = Page.objects.live().public().exclude(depth=1).filter(locale=active_locale_id())
        matches = pages.specific().search(terms)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/search.html", {"query": query, "results": results})
