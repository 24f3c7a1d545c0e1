"""A section made private disappears from every listing residents see, not only its page."""

import pytest
from wagtail.models import Page, PageViewRestriction

from priorities.models import PriorityPage


def links_in(client, url):
    return client.get(url).content.decode()


@pytest.mark.django_db
def test_a_private_section_leaves_the_navigation_and_the_home_page_cards(seeded_site, client):
    assert 'href="/values/"' in links_in(client, "/priorities/")

    PageViewRestriction.objects.create(
        page=Page.objects.get(slug="values"), restriction_type="login"
    )

    for url in ("/", "/priorities/", "/challenging-inequality/"):
        assert 'href="/values/"' not in links_in(client, url), url
    assert 'href="/priorities/"' in links_in(client, "/")


@pytest.mark.django_db
def test_a_private_priority_or_section_leaves_the_list_of_priorities(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    assert priority.url_path.removeprefix("/home") in links_in(client, "/priorities/")

    PageViewRestriction.objects.create(page=priority, restriction_type="password", password="x")
    listing = links_in(client, "/priorities/")

    assert "a-decent-home-for-everyone" not in listing
    assert "/priorities/" in listing  # the others stay
