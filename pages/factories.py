"""Test factories for the pages app (wagtail-factories): a test names only what it cares
about. `publish=True` publishes through a revision, as an editor's "Publish" does."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Site

from .models import NotificationBanner, StandardPage


def site_root():
    """The default site's root: the home page once seeded, else Wagtail's welcome page."""
    return Site.objects.get(is_default_site=True).root_page


class SitePageFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(site_root)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted:
            page.save_revision().publish()


class StandardPageFactory(SitePageFactory):
    title = factory.Sequence(lambda number: f"Standard page {number}")

    class Meta:
        model = StandardPage


class NotificationBannerFactory(DjangoModelFactory):
    """The default site's banner, switched on."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    is_enabled = True
    message = "<p>Libraries are closed today.</p>"

    class Meta:
        model = NotificationBanner

    @classmethod
    def _create(cls, model_class, site, **fields):
        # One banner a site (a site setting): rendering a page may have made it already.
        banner, _created = model_class.objects.update_or_create(site=site, defaults=fields)
        return banner
