"""The JSON API partners reuse: its shape is pinned, and no parameter can make it fail."""

import pytest

from priorities.models import PriorityPage

LISTING = "/api/v2/pages/"
PRIORITIES = "/api/v2/pages/?type=priorities.PriorityPage"
PRIORITY_URL = "http://localhost/priorities/a-decent-home-for-everyone/"
# The "meta" of each page in a listing; a page in detail adds the rest of its metadata.
LISTING_META = {
    "type",
    "detail_url",
    "html_url",
    "slug",
    "first_published_at",
    "last_published_at",
    # Each page's language (issue 14), which Wagtail's API adds once pages are translatable.
    "locale",
}
DETAIL_META = LISTING_META | {
    "show_in_menus",
    "seo_title",
    "search_description",
    "alias_of",
    "parent",
}


@pytest.fixture
def priority(seeded_site):
    return PriorityPage.objects.get(slug="a-decent-home-for-everyone")


@pytest.mark.django_db
def test_the_listing_of_priorities_has_a_fixed_shape(priority, client):
    response = client.get(PRIORITIES)

    assert response.status_code == 200
    data = response.json()
    assert data["meta"] == {"total_count": 4}
    item = data["items"][0]
    assert set(item) == {"id", "meta", "title"}
    assert set(item["meta"]) == LISTING_META
    assert item["meta"]["locale"] == "en-gb"
    assert item["meta"]["html_url"] == PRIORITY_URL
    assert [i["title"] for i in data["items"]] == [
        "A decent home for everyone",
        "A local economy that works for everyone",
        "A safe place for everyone and everyone playing their part",
        "A greener, cleaner, healthier place to live",
    ]


@pytest.mark.django_db
def test_the_listing_gives_partners_the_fields_they_ask_for(priority, client):
    response = client.get(PRIORITIES + "&fields=summary,icon,commitments")

    item = response.json()["items"][0]
    assert set(item) == {"id", "meta", "title", "summary", "icon", "commitments"}


@pytest.mark.django_db
def test_a_priority_in_detail_has_a_fixed_shape(priority, client):
    response = client.get(f"/api/v2/pages/{priority.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"id", "meta", "title", "summary", "icon", "commitments"}
    assert set(data["meta"]) == DETAIL_META
    assert data["meta"]["type"] == "priorities.PriorityPage"
    assert data["meta"]["html_url"] == PRIORITY_URL
    assert data["meta"]["last_published_at"] == priority.last_published_at.isoformat().replace(
        "+00:00", "Z"
    )
    assert data["title"] == "A decent home for everyone"
    assert data["summary"].startswith("building new council homes")
    assert data["icon"] == {
        "name": "house",
        "label": "A house icon to signify decent and genuinely affordable homes for all",
        "url": "http://localhost/static/icons/house.svg",
    }
    assert data["commitments"][0] == {
        "text": "Building new council homes",
        "anchor": "building-new-council-homes",
        "url": PRIORITY_URL + "#building-new-council-homes",
    }
    assert [c["anchor"] for c in data["commitments"]] == [
        "building-new-council-homes",
        "being-a-good-landlord",
        "standing-up-for-private-renters",
        "preventing-homelessness",
    ]


@pytest.mark.django_db
def test_images_are_listed(seeded_site, client):
    response = client.get("/api/v2/images/")

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 2


@pytest.mark.django_db
def test_any_site_may_read_the_api_but_not_write(seeded_site, client):
    response = client.get(PRIORITIES, HTTP_ORIGIN="https://partner.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies

    preflight = client.options(
        PRIORITIES,
        HTTP_ORIGIN="https://partner.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}

    assert client.head(PRIORITIES).status_code == 200
    assert client.post(LISTING, {}).status_code == 405


@pytest.mark.django_db
def test_only_the_api_allows_other_sites(seeded_site, client):
    response = client.get("/priorities/", HTTP_ORIGIN="https://partner.example.org")

    assert "Access-Control-Allow-Origin" not in response


BAD_PARAMETERS = [
    ("limit=-1", "limit must be a positive integer"),
    ("limit=abc", "limit must be a positive integer"),
    ("limit=1.5", "limit must be a positive integer"),
    ("limit=51", "limit cannot be higher than 50"),
    ("limit=99999999999999999999999", "limit cannot be higher than 50"),
    ("offset=-1", "offset must be a positive integer"),
    ("offset=abc", "offset must be a positive integer"),
    ("offset=%C2%B2", "offset must be a positive integer"),
    ("limit=%C2%B2", "limit must be a positive integer"),
    ("child_of=%C2%B2", "child_of must be a page id"),
    ("offset=10001", "offset cannot be higher than 10000"),
    ("offset=99999999999999999999999", "offset cannot be higher than 10000"),
    ("type=nosuch.Page", "type doesn't exist"),
    ("type=wagtailcore", "type doesn't exist"),
    ("fields=nosuchfield", "unknown fields: nosuchfield"),
    ("fields=title(id", "fields error"),
    ("fields=summary", "unknown fields: summary"),
    ("order=nosuchfield", "cannot order by 'nosuchfield' (unknown field)"),
    ("order=random&offset=1", "random ordering with offset is not supported"),
    ("search=homes&search_operator=xor", "search_operator must be 'and' or 'or'"),
    ("nosuchfilter=1", "query parameter is not an operation or a recognised field: nosuchfilter"),
    ("title=%00", "null characters"),
    ("search=%00", "null characters"),
    ("slug=a%00b", "null characters"),
    ("%00=1", "null characters"),
    ("search=" + "a" * 201, "limited to 200 characters"),
    ("title=" + "a" * 201, "limited to 200 characters"),
    ("child_of=abc", "child_of must be a page id"),
    ("child_of=-1", "child_of must be a page id"),
    ("child_of=99999999999999999999", "child_of must be a page id"),
    ("child_of=999999", "parent page doesn't exist"),
    ("descendant_of=abc", "descendant_of must be a page id"),
    ("descendant_of=99999999999999999999", "descendant_of must be a page id"),
    ("descendant_of=999999", "ancestor page doesn't exist"),
    ("ancestor_of=99999999999999999999", "ancestor_of must be a page id"),
    ("translation_of=abc", "translation_of must be a page id"),
    ("id=abc", "id must be a page id"),
    ("id=99999999999999999999", "id must be a page id"),
    (
        "child_of=root&descendant_of=root",
        "filtering by descendant_of with child_of is not supported",
    ),
    ("rich_text_format=nosuch", "rich_text_format"),
    ("show_in_menus=maybe", "field filter error"),
]


# One seeded database for each whole matrix: subtests keep the failures apart.
@pytest.mark.django_db
def test_a_bad_parameter_gets_a_400_with_a_clear_message(seeded_site, client, subtests):
    for query, message in BAD_PARAMETERS:
        with subtests.test(query=query[:40]):
            response = client.get(f"{LISTING}?{query}")

            assert response.status_code == 400, response.content
            assert message in response.json()["message"]


UNUSUAL_QUERIES = [
    "type=priorities.PriorityPage&commitments=x",
    "type=priorities.PriorityPage&order=-commitments",
    "type=priorities.PriorityPage&icon=house&order=-last_published_at",
    "type=priorities.PriorityPage&fields=*",
    "type=priorities.PriorityPage&fields=_,summary",
    "type=priorities.PriorityPage&fields=commitments(text)",
    "search=homes&search_operator=and",
    "order=random",
    "child_of=root",
    "limit=0&offset=10000",
]


@pytest.mark.django_db
def test_unusual_but_valid_queries_never_fail(seeded_site, client, subtests):
    for query in UNUSUAL_QUERIES:
        with subtests.test(query=query):
            response = client.get(f"{LISTING}?{query}")

            assert response.status_code in {200, 400}, response.content
            assert "message" in response.json() or "items" in response.json()


BAD_ADDRESSES = [
    ("/api/v2/pages/999999/", 404),
    ("/api/v2/pages/99999999999999999999/", 404),
    ("/api/v2/pages/abc/", 404),
    ("/api/v2/pages/find/?id=abc", 400),
    ("/api/v2/pages/find/?id=99999999999999999999", 400),
    ("/api/v2/pages/find/?html_path=%00", 400),
    ("/api/v2/pages/find/?html_path=/no-such-page/", 404),
    ("/api/v2/pages/?locale=zz", 400),
    ("/api/v2/pages/?site=no-such-site.example", 404),
    ("/api/v2/pages/?site=localhost:99999999999999999999", 404),
    ("/api/v2/images/?id=abc", 400),
    ("/api/v2/images/?limit=abc", 400),
    ("/api/v2/images/999999/", 404),
    ("/api/v2/images/99999999999999999999/", 404),
    ("/api/v2/images/?id=99999999999999999999", 400),
]


@pytest.mark.django_db
def test_bad_addresses_get_a_4xx_not_a_500(seeded_site, client, subtests):
    for url, status in BAD_ADDRESSES:
        with subtests.test(url=url):
            assert client.get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.django_db
def test_an_image_id_is_named_as_such(seeded_site, client):
    response = client.get("/api/v2/images/?id=abc")

    assert response.json() == {"message": "id must be an image id (a positive whole number)"}


@pytest.mark.django_db
def test_find_by_path_redirects_to_the_priority(priority, client):
    response = client.get("/api/v2/pages/find/?html_path=/priorities/a-decent-home-for-everyone/")

    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{priority.pk}/?")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["a%22b", "%22unbalanced", "NEAR(", "a*", "'a':*"])
def test_search_syntax_gets_results_or_none_never_an_error(seeded_site, client, query, caplog):
    response = client.get(f"{LISTING}?search={query}")

    assert response.status_code == 200, response.content
    assert "items" in response.json()
    assert "Database unavailable" not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["%20", "%09", "+", "%22%22", "*"])
def test_a_search_without_words_gets_a_400_saying_so(seeded_site, client, query):
    response = client.get(f"{LISTING}?search={query}")

    assert response.status_code == 400
    assert response.json() == {
        "message": "search must contain at least one word (letters or digits)"
    }


@pytest.mark.django_db
def test_quoted_words_are_searched_for(priority, client):
    response = client.get(f'{LISTING}?search="landlord"')

    assert [item["id"] for item in response.json()["items"]] == [priority.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["first_published_at", "last_published_at"])
def test_a_bad_date_filter_gets_a_400(seeded_site, client, name):
    response = client.get(f"{LISTING}?{name}=yesterday")

    assert response.status_code == 400
    assert "field filter error" in response.json()["message"]
