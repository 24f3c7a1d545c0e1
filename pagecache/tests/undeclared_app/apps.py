from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    """A project app as a newcomer might add it: with models, and nothing said about
    whether they appear on public pages. Installed only by pagecache's tests."""

    name = "pagecache.tests.undeclared_app"
    label = "newsletter"
