from django.conf import settings
from django.utils import translation


class LanguageFromAddressMiddleware:
    """Activate the language named by the address: `/tr/…` is Turkish, an address
    without a language prefix is English.

    Django's LocaleMiddleware would also look at a cookie and the browser's
    Accept-Language, and say `Vary: Accept-Language` on every English page. Here a
    resident chooses the language with the switcher and nothing else decides it, so
    one address always gives one page in one language: the page cache and any CDN
    keep one copy per address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
