"""Tests that run outside a transaction end with a flush of every table."""


def recreate_wagtail_roots():
    """Live-server tests end with a flush, which also removes the locale, root page
    and root collection that Wagtail's migrations create; put them back."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(title="Root", slug="root", locale=locale)
