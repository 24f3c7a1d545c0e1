"""The addresses partners link to answer, each with its own heading."""

import pytest

from seed.paths import PUBLIC_PATHS

HEADINGS = {
    "/": "Our vision for a fairer Islington",
    "/priorities/": "Our priorities",
    "/priorities/a-decent-home-for-everyone/": "A decent home for everyone",
    "/priorities/a-local-economy-that-works-for-everyone/": (
        "A local economy that works for everyone"
    ),
    "/priorities/a-safe-place-for-everyone/": (
        "A safe place for everyone and everyone playing their part"
    ),
    "/priorities/a-greener-cleaner-healthier-place-to-live/": (
        "A greener, cleaner, healthier place to live"
    ),
    "/values/": "Our values and behaviours",
    "/challenging-inequality/": "Our commitment to challenging inequality",
    "/fairer-together/": "Fairer Together – a new partnership for Islington",
    "/accessibility/": "Accessibility statement",
}


def test_the_contract_lists_every_public_url():
    assert sorted(HEADINGS) == sorted(PUBLIC_PATHS)


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "heading"), HEADINGS.items())
def test_each_public_url_renders_its_page(seeded_site, client, url, heading):
    response = client.get(url)

    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    assert f">{heading}</h1>" in html


@pytest.mark.django_db
def test_the_admin_redirects_to_its_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_an_unknown_address_gets_the_not_found_page(seeded_site, client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text
