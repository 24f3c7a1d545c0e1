from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    """The site in residents' languages: the language of each request, the language
    switcher and the alternates (issue 14). The translations themselves are Wagtail
    pages in other locales, made with wagtail-localize."""

    name = "languages"
