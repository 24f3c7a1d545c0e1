import pytest


@pytest.fixture(autouse=True)
def _content_generation_from_the_database():
    """Each test's rollback restores the content version row; read it afresh."""
    from pagecache.generation import forget_generation
    from pagecache.middleware import recent_pages

    forget_generation()
    recent_pages.clear()
