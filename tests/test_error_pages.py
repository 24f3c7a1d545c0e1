"""Styled error pages: 404 with the site around it, 500 without touching the database."""

from unittest import mock

import pytest
from django.db import connections
from django.test import RequestFactory
from django.urls import get_resolver


@pytest.mark.django_db
def test_a_missing_page_gets_the_styled_404(seeded_site, client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert '<h1 class="heading-xl">Page not found</h1>' in response.text
    assert 'href="#main-content"' in response.text
    assert "Is this page useful?" not in response.text


def test_the_500_page_renders_when_the_database_is_down():
    """No django_db mark: pytest-django refuses any query, and every connection raises too."""
    handler = get_resolver().resolve_error_handler(500)
    request = RequestFactory().get("/")

    with mock.patch.object(
        type(connections["default"]), "cursor", side_effect=ConnectionError("database is down")
    ):
        response = handler(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert 'href="#main-content"' in html
    assert "/static/css/main.css" in html
