from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "priorities"
    # Its pages are public pages.
    affects_public_pages = True
