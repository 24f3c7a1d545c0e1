from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Full-page cache"
    # The content version itself: saving it must not change it again.
    affects_public_pages = False

    def ready(self):
        from . import checks, signals  # noqa: F401 - checks registers the system check

        signals.connect()
