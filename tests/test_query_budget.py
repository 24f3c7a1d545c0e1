"""A page rendered without the page cache makes few queries, however much content grows."""

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model

from pagecache.middleware import recent_pages
from pages.models import InequalityPage, ValuesPage
from partnership.factories import PartnerFactory
from partnership.models import PartnershipPage
from priorities.factories import PriorityPageFactory
from priorities.models import PriorityPage
from seed.paths import PUBLIC_PATHS

# The first render after every cache is emptied. It includes privacy asked of the database
# on every render. What each process keeps until the content next changes (the site, each
# language's home page, the sites' root paths, the locales: pages.middleware) is not read
# again, in English or in any other language.
QUERY_BUDGET = 10


def empty_every_cache():
    """As after a deploy or a restart of Redis: the shared cache and each process's own."""
    cache.clear()
    recent_pages.clear()


@pytest.fixture(autouse=True)
def empty_cache():
    empty_every_cache()


def cold_render_queries(client, url, django_assert_max_num_queries):
    """Queries for one render after the cache is cleared (a restart of Redis, a deploy).

    The first visit makes what publishing makes in production (image renditions,
    the settings rows); the second reads what each process keeps until the content
    next changes (pagecache.generation: a rendition made since makes its image's
    renditions read again); then every cache is emptied, not only the page cache.
    """
    client.get(url)
    client.get(url, {"again": ""})  # a query string: past the page cache
    empty_every_cache()
    with django_assert_max_num_queries(QUERY_BUDGET) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_PATHS)
def test_a_cold_render_stays_within_the_query_budget(
    seeded_site, client, url, django_assert_max_num_queries
):
    cold_render_queries(client, url, django_assert_max_num_queries)


def add_priorities(count):
    PriorityPageFactory.create_batch(count)


def grow_stream(pages, field, block_type, value):
    def grow(count):
        page = pages.get()
        items = getattr(page, field)
        # Numbered on from what is there: anchors must stay unique on the page.
        start = len(items)
        items.extend([(block_type, value(number)) for number in range(start, start + count)])
        page.save_revision().publish()

    return grow


def linkable(number):
    return {"text": f"Item {number}", "anchor": f"item-{number}"}


def add_partners_with_logos(count):
    logo = get_image_model().objects.first()
    PartnerFactory.create_batch(count, logo=logo, logo_alt_text="Partner logo")


GROWTH = {
    "priorities on the index": ("/priorities/", add_priorities),
    "commitments of a priority": (
        "/priorities/a-decent-home-for-everyone/",
        grow_stream(
            PriorityPage.objects.filter(slug="a-decent-home-for-everyone"),
            "commitments",
            "commitment",
            linkable,
        ),
    ),
    "values": (
        "/values/",
        grow_stream(
            ValuesPage.objects,
            "values",
            "value",
            lambda n: {"name": f"Value {n}", "description": "", "anchor": f"value-{n}"},
        ),
    ),
    "ways of challenging inequality": (
        "/challenging-inequality/",
        grow_stream(InequalityPage.objects, "ways", "way", linkable),
    ),
    "partnership aims": (
        "/fairer-together/",
        grow_stream(PartnershipPage.objects, "aims", "aim", linkable),
    ),
    "partners with logos": ("/fairer-together/", add_partners_with_logos),
}


@pytest.mark.django_db
@pytest.mark.parametrize("growth", GROWTH.keys())
def test_queries_stay_flat_as_content_grows(
    seeded_site, client, growth, django_assert_max_num_queries
):
    url, grow = GROWTH[growth]
    grow(4)
    with_few = cold_render_queries(client, url, django_assert_max_num_queries)

    grow(46)
    with_many = cold_render_queries(client, url, django_assert_max_num_queries)

    assert with_many == with_few


@pytest.mark.django_db
def test_a_visitor_never_makes_image_renditions(client, settings):
    from django.core.management import call_command

    settings.PAGE_CACHE_WARM_RENDITIONS = True
    call_command("load_seed_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rendition_model = get_image_model().get_rendition_model()
    made_at_publish = rendition_model.objects.count()
    empty_every_cache()

    for url in PUBLIC_PATHS:
        assert client.get(url).status_code == 200

    assert made_at_publish > 0
    assert rendition_model.objects.count() == made_at_publish
