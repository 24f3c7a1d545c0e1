from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Page feedback"
    # What visitors send is read in the admin only: their posts must not empty the cache.
    affects_public_pages = False
