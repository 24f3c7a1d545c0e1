from django.apps import AppConfig


class SharingConfig(AppConfig):
    """How partners link to, share and reuse the site: page metadata, the sitemap,
    robots.txt, the read-only JSON API and the Atom feed of updates."""

    name = "sharing"
