"""Fixtures every test in the project can use, wherever it lives."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command


def load_seed():
    with open(os.devnull, "w") as devnull:
        call_command("load_seed_content", stdout=devnull)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the seeded site from the start, with the image
    renditions that publishing makes in production (the tests turn that off).

    Seeding takes a second and encoding the renditions several; done once here rather
    than in every test, it saves minutes on each pass. Each test's transaction is
    rolled back to it."""
    from images.renditions import warm_all_live_pages

    with django_db_blocker.unblock():
        load_seed()
        warm_all_live_pages()


@pytest.fixture(autouse=True)
def _content_generation_from_the_database():
    """Each test's rollback restores the content version row; read it afresh, and
    forget what was cached under it (every test starts from the same version)."""
    from pagecache.generation import forget_generation
    from pagecache.middleware import recent_pages

    forget_generation()
    recent_pages.clear()
    cache.clear()


@pytest.fixture
def seeded_site(db):
    """The whole About us tree, as `make run` builds it.

    The database starts seeded; a live-server test empties it when it ends, so the
    next one seeds it again here."""
    from pages.models import HomePage

    if not HomePage.objects.exists():
        load_seed()
