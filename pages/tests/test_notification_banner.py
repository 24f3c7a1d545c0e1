"""The site-wide notification banner: editors switch it on, and its times decide when it shows."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pages.factories import NotificationBannerFactory
from pages.models import NotificationBanner

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def banner(**fields):
    """A banner that is never saved, so these tests need no database."""
    return NotificationBannerFactory.build(site=None, **fields)


@pytest.mark.parametrize(
    ("fields", "showing"),
    [
        ({}, True),
        ({"is_enabled": False}, False),
        ({"message": ""}, False),
        ({"starts_at": NOW + HOUR}, False),
        ({"starts_at": NOW}, True),
        ({"ends_at": NOW}, False),
        ({"ends_at": NOW + HOUR}, True),
        ({"starts_at": NOW - HOUR, "ends_at": NOW + HOUR}, True),
        ({"starts_at": NOW - 2 * HOUR, "ends_at": NOW - HOUR}, False),
    ],
)
def test_is_showing_follows_the_switch_and_the_times(fields, showing):
    assert banner(**fields).is_showing(NOW) is showing


@pytest.mark.parametrize(
    ("fields", "next_change"),
    [
        ({}, None),
        ({"is_enabled": False, "starts_at": NOW + HOUR}, None),
        ({"starts_at": NOW + HOUR, "ends_at": NOW + 2 * HOUR}, NOW + HOUR),
        ({"starts_at": NOW - HOUR, "ends_at": NOW + 2 * HOUR}, NOW + 2 * HOUR),
        ({"starts_at": NOW - 2 * HOUR, "ends_at": NOW - HOUR}, None),
    ],
)
def test_next_change_is_when_the_banner_next_appears_or_disappears(fields, next_change):
    assert banner(**fields).next_change(NOW) == next_change


def test_an_end_before_the_start_is_refused():
    with pytest.raises(ValidationError) as error:
        banner(starts_at=NOW, ends_at=NOW - HOUR).clean()
    assert "ends_at" in error.value.message_dict


def test_switching_it_on_needs_a_message():
    with pytest.raises(ValidationError) as error:
        banner(message="").clean()
    assert "message" in error.value.message_dict


@pytest.mark.django_db
def test_residents_see_the_banner_on_every_page_while_it_is_on(seeded_site, client):
    NotificationBannerFactory(
        level=NotificationBanner.Level.EMERGENCY,
        message='<p>Flooding on Upper Street. <a href="https://example.org/">Find out more</a></p>',
    )

    for url in ["/", "/fairer-together/", "/search/?q=homes"]:
        html = client.get(url).text
        assert 'role="region" aria-labelledby="notification-banner-title"' in html
        assert "Flooding on Upper Street." in html
        assert "notification-banner--emergency" in html


@pytest.mark.django_db
def test_residents_do_not_see_a_banner_whose_time_is_over(seeded_site, client):
    NotificationBannerFactory(
        message="<p>Flooding on Upper Street.</p>",
        ends_at=datetime(2020, 1, 1, tzinfo=UTC),
    )

    assert "Flooding on Upper Street." not in client.get("/").text


@pytest.mark.django_db
def test_a_cached_page_loses_the_banner_when_its_time_is_over(seeded_site, client):
    NotificationBannerFactory(
        message="<p>Flooding on Upper Street.</p>",
        ends_at=timezone.now() + timedelta(seconds=1),
    )
    assert "Flooding on Upper Street." in client.get("/values/").text
    assert client.get("/values/")["X-Page-Cache"] == "hit"

    time.sleep(1.1)
    response = client.get("/values/")

    assert response["X-Page-Cache"] == "miss"
    assert "Flooding on Upper Street." not in response.text
