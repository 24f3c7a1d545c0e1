"""Search engines find every public page; partners follow the feed of updates."""

import xml.etree.ElementTree as ET  # noqa: S405 - parses our own responses only
from datetime import datetime, timedelta

import pytest
from wagtail.models import Page

from priorities.models import PriorityPage
from tests.test_seed_content import PUBLIC_URLS

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.django_db
def test_the_sitemap_lists_every_public_page_with_its_last_change(seeded_site, client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    urls = ET.fromstring(response.content).findall(f"{SITEMAP}url")  # noqa: S314
    assert sorted(url.find(f"{SITEMAP}loc").text for url in urls) == sorted(
        f"http://localhost{path}" for path in PUBLIC_URLS
    )
    assert all(url.find(f"{SITEMAP}lastmod").text for url in urls)


@pytest.mark.django_db
def test_the_sitemap_leaves_out_unpublished_pages(seeded_site, client):
    PriorityPage.objects.get(slug="a-safe-place-for-everyone").unpublish()

    assert b"a-safe-place-for-everyone" not in client.get("/sitemap.xml").content


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(seeded_site, client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Sitemap: http://localhost/sitemap.xml",
    ]


def feed_entries(client):
    response = client.get("/feeds/updates/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not response.cookies
    return ET.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314


@pytest.mark.django_db
def test_the_feed_says_which_page_changed_and_when_newest_first(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    priority.summary = "building more council homes than ever"
    priority.save_revision().publish()

    entries = feed_entries(client)

    newest = entries[0]
    assert newest.find(f"{ATOM}title").text == "A decent home for everyone"
    assert newest.find(f"{ATOM}link").get("href") == (
        "http://localhost/priorities/a-decent-home-for-everyone/"
    )
    priority.refresh_from_db()
    updated = datetime.fromisoformat(newest.find(f"{ATOM}updated").text)
    assert abs(updated - priority.last_published_at) < timedelta(seconds=5)
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(ids) == len(set(ids)) == Page.objects.live().filter(depth__gt=1).count() + 1


@pytest.mark.django_db
def test_the_feed_leaves_out_pages_no_longer_public(seeded_site, client):
    PriorityPage.objects.get(slug="a-safe-place-for-everyone").unpublish()

    titles = [entry.find(f"{ATOM}title").text for entry in feed_entries(client)]

    assert "A safe place for everyone and everyone playing their part" not in titles
