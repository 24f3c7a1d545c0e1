from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Full-page cache"

    def ready(self):
        from . import signals

        signals.connect()
