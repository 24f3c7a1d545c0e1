from django.http import Http404
from django.utils import translation
from wagtail import hooks

from .locales import locale_language_code


@hooks.register("before_serve_page")
def serve_pages_only_at_their_own_language_address(page, request, serve_args, serve_kwargs):
    """`/so/values/` is the Somali values page or nothing. Wagtail routes a language
    without a live home page through the English tree, which would publish every
    English page again under `/so/`, `/bn/`… marked as that language."""
    if locale_language_code(page.locale_id) != translation.get_language():
        raise Http404
