"""The read-only JSON API partners reuse: Wagtail's API v2, hardened.

Every query parameter is checked before it reaches the database, so a bad
one gets a 400 with a clear message rather than a database error and a 500.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import DataError
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from pages.search import search_terms

logger = logging.getLogger(__name__)

MAX_PARAMETER_LENGTH = 200
MAX_OFFSET = 10_000
MAX_ID = 2**31 - 1  # the largest primary key every supported database accepts
ID_PARAMETERS = {"id", "child_of", "descendant_of", "ancestor_of", "translation_of"}
SEARCH_OPERATORS = {"and", "or"}


def is_whole_number(value):
    # isdigit() alone accepts characters such as "²" that int() rejects.
    return value.isascii() and value.isdigit()


def is_page_id(value):
    return is_whole_number(value) and int(value) <= MAX_ID


class WordsSearchFilter(SearchFilter):
    """`?search=` looks for the words of the query, as the site's search box does:
    punctuation that the database would read as search syntax is left out."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        terms = search_terms(request.GET["search"])
        if not terms:
            raise BadRequestError("search must contain at least one word (letters or digits)")
        query = request.GET.copy()
        query["search"] = terms
        # SearchFilter reads request.GET; give it the words alone.
        request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def with_words_search(filter_backends):
    return [
        WordsSearchFilter if backend is SearchFilter else backend for backend in filter_backends
    ]


class CheckedParametersMixin:
    """Refuse malformed query parameters with a 400 before any query runs."""

    renderer_classes = [JSONRenderer]  # no browsable HTML API: it would need inline script
    # Read-only and anonymous: no session is read, so the API never sets a cookie.
    authentication_classes = []
    permission_classes = [AllowAny]
    id_noun = "an id"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            for value in values:
                self.check_parameter(name, value)

    def check_parameter(self, name, value):
        if "\x00" in name or "\x00" in value:
            raise BadRequestError("query parameters cannot contain null characters")
        if len(name) > MAX_PARAMETER_LENGTH or len(value) > MAX_PARAMETER_LENGTH:
            raise BadRequestError(
                f"query parameters are limited to {MAX_PARAMETER_LENGTH} characters"
            )
        if name == "offset" and is_whole_number(value) and int(value) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        if name in ID_PARAMETERS and value != "root" and not is_page_id(value):
            noun = self.id_noun if name == "id" else "a page id"
            raise BadRequestError(f"{name} must be {noun} (a positive whole number)")
        if name == "search_operator" and value not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def detail_view(self, request, pk):
        if int(pk) > MAX_ID:
            return Response({"message": "not found"}, status=status.HTTP_404_NOT_FOUND)
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        # A value the checks above did not foresee must still not become a 500.
        if isinstance(exc, DataError | OverflowError):
            logger.warning("API query refused by the database: %s", exc)
            exc = BadRequestError("a query parameter has a value the API cannot use")
        elif isinstance(exc, ValidationError):  # a field filter's value, such as a bad date
            exc = BadRequestError(f"field filter error. {' '.join(exc.messages)}")
        return super().handle_exception(exc)


class PartnerPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    id_noun = "a page id"
    filter_backends = with_words_search(PagesAPIViewSet.filter_backends)
    meta_fields = [*PagesAPIViewSet.meta_fields, "last_published_at"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "last_published_at"]


class PartnerImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    id_noun = "an image id"
    filter_backends = with_words_search(ImagesAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PartnerPagesAPIViewSet)
api_router.register_endpoint("images", PartnerImagesAPIViewSet)
