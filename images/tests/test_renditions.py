"""Publishing makes a page's image renditions, so no visitor's request has to."""

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model

from pages.models import HomePage


@pytest.mark.django_db
def test_publishing_a_page_makes_its_renditions_once_committed(
    seeded_site, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_WARM_RENDITIONS = True
    renditions = get_image_model().get_rendition_model().objects
    renditions.all().delete()
    cache.clear()  # Wagtail also keeps renditions it has found in the cache
    home = HomePage.objects.get()

    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        home.save_revision().publish()
        assert not renditions.exists()  # not while the editor's transaction is open
    for callback in after_commit:
        callback()

    assert renditions.filter(image=home.hero_image).exists()
