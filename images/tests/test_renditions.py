"""Publishing makes a page's image renditions, so no visitor's request has to."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from pagecache.generation import forget_generation
from pagecache.middleware import recent_pages
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


@pytest.mark.django_db
def test_a_new_file_for_an_image_shows_on_the_next_request(seeded_site, client):
    """Each process keeps an image's renditions until the content next changes: a file
    replaced in the admin must not leave pages pointing at the old file's renditions."""
    image = HomePage.objects.get().hero_image
    client.get("/")  # makes the renditions (publishing does, when it may)
    # A worker that starts now, after a restart of Redis: it renders the page again
    # and keeps the renditions in its memory.
    forget_generation()
    cache.clear()
    recent_pages.clear()
    before = client.get("/").text
    old_renditions = [rendition.url for rendition in image.renditions.all()]
    assert [url for url in old_renditions if url in before]

    # As Wagtail's image form saves a new file: the image, then its renditions go.
    with image.file.open() as original:
        image.file = ImageFile(ContentFile(original.read()), name="replaced-hero.jpg")
    image._set_image_file_metadata()
    image.save()
    image.renditions.all().delete()

    page = client.get("/").text
    assert not [url for url in old_renditions if url in page]
    assert "replaced-hero" in page
