"""The content languages and the translations of a page, from few queries.

A page's language is its Wagtail locale. Which locale a row id stands for rarely
changes, so the mapping is kept in each process until the content next changes.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from pagecache.generation import memoised_for_this_generation


@dataclass(frozen=True)
class Language:
    code: str  # as in settings.LANGUAGES: "en-gb", "ar"
    name: str  # in its own language and script: "Türkçe", "العربية"

    @property
    def tag(self):
        """The BCP 47 tag for `lang` and `hreflang`: "en-GB", "ar"."""
        language, _, region = self.code.partition("-")
        return f"{language}-{region.upper()}" if len(region) == 2 else self.code

    @property
    def is_right_to_left(self):
        return self.code.split("-")[0] in settings.LANGUAGES_BIDI

    @property
    def is_source(self):
        return self.code == settings.LANGUAGE_CODE


def language(code):
    return Language(code, dict(settings.LANGUAGES).get(code, code))


def source_language():
    return language(settings.LANGUAGE_CODE)


def active_language():
    """The language the address asked for (languages.middleware)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return language(code) if code in dict(settings.LANGUAGES) else source_language()


def _read_locale_codes():
    return dict(Locale.objects.values_list("pk", "language_code"))


def locale_codes():
    """{locale id: language code}, kept until the content next changes (saving a
    Locale changes it, pagecache.signals)."""
    return memoised_for_this_generation("locale-language-codes", _read_locale_codes)


def locale_language_code(locale_id):
    """The language code of a locale, without a query."""
    return locale_codes().get(locale_id, settings.LANGUAGE_CODE)


def page_language(page):
    return language(locale_language_code(page.locale_id))


def active_locale_id():
    """The locale of the language the address asked for, without a query."""
    code = active_language().code
    return next((pk for pk, language in locale_codes().items() if language == code), None)
