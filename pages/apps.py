from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    # Its pages, site settings and notification banner are the public pages.
    affects_public_pages = True

    def ready(self):
        from pagecache.expiry import register_next_change

        from .banner import notification_banner_next_change

        register_next_change(notification_banner_next_change)
