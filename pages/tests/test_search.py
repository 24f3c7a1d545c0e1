"""Site search at /search/?q=: results, empty and no-result states, and any page number."""

import pytest

from pages import views
from pages.search import QUERY_MAX_LENGTH

LANDLORD_RESULT = 'href="/priorities/a-decent-home-for-everyone/"'


def search(client, query, **params):
    """The search page for `query`, which always answers 200."""
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_a_search_lists_matching_pages_with_links(seeded_site, client):
    html = search(client, "landlord").text

    assert LANDLORD_RESULT in html
    assert "for “landlord”" in html


@pytest.mark.django_db
def test_an_empty_search_asks_for_words(seeded_site, client):
    html = search(client, "   ").text

    assert "Enter a word or phrase" in html
    assert "search-result" not in html


@pytest.mark.django_db
def test_a_search_without_results_says_so(seeded_site, client):
    html = search(client, "zzyzxqwv").text

    assert "No results found" in html
    assert "There are no results for “zzyzxqwv”." in html


@pytest.mark.django_db
def test_results_are_split_into_pages(seeded_site, client, monkeypatch):
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 1)

    first = search(client, "Islington")
    second = search(client, "Islington", page=2)

    assert "page 1 of" in first.text
    assert 'href="?q=Islington&amp;page=2"' in first.text
    assert "page 2 of" in second.text
    assert first.context["results"][0] != second.context["results"][0]


@pytest.mark.django_db
def test_any_page_number_gets_a_page_of_results_never_an_error(seeded_site, client):
    for page_number in ["abc", "0", "-1", "99999", "1e9", "99999999999999999999999", ""]:
        response = search(client, "Islington", page=page_number)

        assert response.context["results"].paginator.count > 0, page_number


@pytest.mark.django_db
def test_a_very_long_query_is_cut_short_not_refused(seeded_site, client):
    response = search(client, "homes " * 500)

    assert len(response.context["query"]) <= QUERY_MAX_LENGTH


# Each of these once made SQLite's full-text search raise a syntax error, which the
# site took for a database outage (503), or PostgreSQL refuse a NUL character (500).
SEARCH_SYNTAX = ['"', 'a"b', "\x00", '"unbalanced', "NEAR(", "a*", "-", "^", "(", "'a':*"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", SEARCH_SYNTAX)
def test_search_syntax_in_the_box_is_answered_calmly(seeded_site, client, query, caplog):
    search(client, query)

    assert "Database unavailable" not in caplog.text


@pytest.mark.django_db
def test_quotes_and_operators_around_words_still_find_them(seeded_site, client):
    assert LANDLORD_RESULT in search(client, '"landlord" AND -(homes').text
