"""Fixtures every test in the project can use, wherever it lives."""

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _content_generation_from_the_database():
    """Each test's rollback restores the content version row; read it afresh."""
    from pagecache.generation import forget_generation
    from pagecache.middleware import recent_pages

    forget_generation()
    recent_pages.clear()


@pytest.fixture
def seeded_site(db):
    """The whole About us tree, as `make run` builds it."""
    with open("/dev/null", "w") as devnull:
        call_command("load_seed_content", stdout=devnull)
