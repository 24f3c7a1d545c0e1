"""Search engines find every public page; partners follow the feed of updates."""

import xml.etree.ElementTree as ET  # noqa: S405 - parses our own responses only
from datetime import datetime, timedelta

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from priorities.models import PriorityPage
from seed.paths import PUBLIC_PATHS

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.django_db
def test_the_sitemap_lists_every_public_page_with_its_last_change(seeded_site, client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    urls = ET.fromstring(response.content).findall(f"{SITEMAP}url")  # noqa: S314
    assert sorted(url.find(f"{SITEMAP}loc").text for url in urls) == sorted(
        f"http://localhost{path}" for path in PUBLIC_PATHS
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


def publish_housing_priority(**changes):
    """An editor changes the housing priority and publishes it."""
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    for name, value in changes.items():
        setattr(priority, name, value)
    priority.save_revision().publish()
    return priority


@pytest.mark.django_db
def test_the_feed_says_which_page_changed_and_when_newest_first(seeded_site, client):
    priority = publish_housing_priority(summary="building more council homes than ever")

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


def newest_entry(client):
    return feed_entries(client)[0]


@pytest.mark.django_db
def test_a_title_cannot_become_markup_in_feed_readers(seeded_site, client):
    publish_housing_priority(title="Homes <img src=x onerror=alert(1)>")

    entry = newest_entry(client)

    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # What a reader renders as HTML shows the title as text.
    assert "<img" not in summary.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in summary.text
    assert entry.find(f"{ATOM}title").text == "Homes <img src=x onerror=alert(1)>"


@pytest.mark.django_db
def test_the_summary_says_what_happened_and_what_the_page_is_about(seeded_site, client):
    publish_housing_priority(summary="Building more council homes than ever & keeping them safe")

    summary = newest_entry(client).find(f"{ATOM}summary").text

    assert "“A decent home for everyone” was updated on" in summary
    assert "<p>Building more council homes than ever &amp; keeping them safe</p>" in summary


@pytest.mark.django_db
def test_entry_ids_survive_a_new_slug_and_a_new_domain(seeded_site, client):
    before = [entry.find(f"{ATOM}id").text for entry in feed_entries(client)]
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    priority.slug = "decent-homes"
    priority.save(update_fields=["slug"])
    site = Site.objects.get(is_default_site=True)
    site.hostname = "about.islington.gov.uk"
    site.save()

    after = [
        entry.find(f"{ATOM}id").text
        for entry in feed_entries(client)
        if entry.find(f"{ATOM}id") is not None
    ]

    assert after == before
    assert all(entry_id.startswith("tag:islington.gov.uk,2025:page-") for entry_id in after)


@pytest.mark.django_db
def test_a_withdrawn_page_gets_an_entry_saying_so(seeded_site, client):
    PriorityPage.objects.get(slug="a-safe-place-for-everyone").unpublish()

    entry = newest_entry(client)

    title = "A safe place for everyone and everyone playing their part"
    assert entry.find(f"{ATOM}title").text == f"Withdrawn: {title}"
    assert "was withdrawn on" in entry.find(f"{ATOM}summary").text
    assert entry.find(f"{ATOM}link").get("href") == "http://localhost/"


@pytest.mark.django_db
def test_a_private_page_is_not_announced_even_when_withdrawn(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-safe-place-for-everyone")
    PageViewRestriction.objects.create(page=priority, restriction_type="login")
    priority.unpublish()

    titles = [entry.find(f"{ATOM}title").text for entry in feed_entries(client)]

    assert not any("A safe place" in title for title in titles)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/priorities/", "/search/?q=homes"])
def test_pages_point_feed_readers_to_the_feed(seeded_site, client, path):
    response = client.get(path)

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="About us – Islington Council: updates" href="/feeds/updates/" hreflang="en-GB">'
    ) in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/feeds/updates/", "/sitemap.xml"])
def test_feed_and_sitemap_answer_304_when_nothing_changed(seeded_site, client, path):
    response = client.get(path)
    assert response.status_code == 200

    by_etag = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    by_date = client.get(path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])

    assert by_etag.status_code == 304
    assert by_date.status_code == 304
