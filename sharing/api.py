"""The read-only JSON API partners reuse: Wagtail's API v2, hardened.

Every query parameter is checked before it reaches the database, so a bad
one gets a 400 with a clear message rather than a database error and a 500;
every error, at any address under /api/, is JSON: {"message": "..."}.
Answers carry Cache-Control and an ETag, and a request with If-None-Match gets
a 304 when nothing changed. What partners receive is described by the OpenAPI
document at /api/v2/schema/ (sharing/openapi.json), which the tests hold the
API to.
"""

import json
import logging
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import conditional_page, require_safe
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.utils import get_full_url
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.serializers import ImageDownloadUrlField, ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from pages.search import search_terms

logger = logging.getLogger(__name__)

MAX_PARAMETER_LENGTH = 200
MAX_OFFSET = 10_000
MAX_ID = 2**31 - 1  # the largest primary key every supported database accepts
ID_PARAMETERS = {"id", "child_of", "descendant_of", "ancestor_of", "translation_of"}
SEARCH_OPERATORS = {"and", "or"}
FORMATS = {"json"}
OPENAPI_DOCUMENT = Path(__file__).with_name("openapi.json")


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

    @classmethod
    def as_view(cls, *args, **kwargs):
        # An ETag on every answer, and a 304 for a reader who already has it.
        return conditional_page(super().as_view(*args, **kwargs))

    def initial(self, request, *args, **kwargs):
        # Checked first: `format` would otherwise be refused with a bare 404.
        for name, values in request.GET.lists():
            for value in values:
                self.check_parameter(name, value)
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response

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
        if name == "format" and value not in FORMATS:
            raise BadRequestError("format must be 'json': the API answers in JSON only")
        if name == "locale" and not Locale.objects.filter(language_code=value).exists():
            languages = ", ".join(Locale.objects.values_list("language_code", flat=True))
            raise BadRequestError(f"locale must be one of the site's languages: {languages}")

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
        response = super().handle_exception(exc)
        # REST framework's own errors (405, 406) say {"detail": ...}; Wagtail's say "message".
        if isinstance(response.data, dict) and set(response.data) == {"detail"}:
            response.data = {"message": str(response.data["detail"])}
        return response


class PartnerPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    id_noun = "a page id"
    filter_backends = with_words_search(PagesAPIViewSet.filter_backends)
    meta_fields = [*PagesAPIViewSet.meta_fields, "last_published_at"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "last_published_at"]


class AbsoluteDownloadUrlField(ImageDownloadUrlField):
    """The image file's full address, as every other URL in the API is."""

    def to_representation(self, image):
        return get_full_url(self.context["request"], super().to_representation(image))


class PartnerImageSerializer(ImageSerializer):
    download_url = AbsoluteDownloadUrlField(read_only=True)


class PartnerImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    id_noun = "an image id"
    base_serializer_class = PartnerImageSerializer
    filter_backends = with_words_search(ImagesAPIViewSet.filter_backends)


@require_safe
def api_not_found(request, rest=""):
    """Any address under /api/ that names nothing: a JSON 404, like the API's own."""
    return JsonResponse(
        {"message": "not found: the API's addresses are listed at /api/v2/schema/"}, status=404
    )


@require_safe
def api_schema(request):
    """The OpenAPI document describing every address, parameter and answer of the API."""
    response = JsonResponse(json.loads(OPENAPI_DOCUMENT.read_text()))
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PartnerPagesAPIViewSet)
api_router.register_endpoint("images", PartnerImagesAPIViewSet)
