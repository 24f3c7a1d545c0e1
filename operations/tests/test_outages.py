"""When the database or Redis fails, residents get a calm answer and the site keeps what it can."""

import contextlib
import logging
import socket
import sqlite3
import threading
import time
from unittest import mock

import psycopg
import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, override_settings
from wagtail.models import Page

from feedback.tests.test_feedback import OUR_ORIGIN
from operations.cache import RETRY_AFTER, QuickToGiveUpConnection
from operations.middleware import is_lost_connection

# Nothing listens here: a port in this project's range, kept closed on purpose.
CLOSED_REDIS_URL = "redis://127.0.0.1:8799/7"


def redis_cache_at(url):
    """The cache as production configures it with REDIS_URL set."""
    cache = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url}
    return {"default": {**cache, "OPTIONS": settings.REDIS_CACHE_OPTIONS}}


FAIL_OPEN_REDIS_DOWN = redis_cache_at(CLOSED_REDIS_URL)


@pytest.fixture(autouse=True)
def redis_not_known_to_be_down():
    """Each test starts as a new process does: no Redis failure seen yet."""
    QuickToGiveUpConnection.unavailable_until = 0.0
    yield
    QuickToGiveUpConnection.unavailable_until = 0.0
    caches.close_all()


def database_down(error=OperationalError):
    """Every new cursor fails, as when the database server is unreachable."""
    return mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=error("connection refused"))


@pytest.fixture
def visitor():
    # A real browser gets a page, never a traceback: let exceptions become responses.
    return Client(raise_request_exception=False)


def test_healthz_answers_without_the_database(visitor):
    with database_down():
        response = visitor.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_readyz_is_ok_when_database_and_cache_answer(visitor, db):
    response = visitor.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_readyz_is_503_without_the_database(visitor, db):
    with database_down():
        response = visitor.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("path", ["/", "/priorities/", "/no-such-page/", "/admin/login/"])
def test_with_the_database_down_visitors_get_a_friendly_503(visitor, seeded_site, path, error):
    with database_down(error):
        response = visitor.get(path)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "120"
    assert "no-store" in response.headers["Cache-Control"]
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html
    assert "Please try again in a few minutes." in html
    assert "Traceback" not in html


def test_with_the_database_down_cached_pages_are_still_served(visitor, seeded_site):
    visitor.get("/priorities/")  # a resident's visit puts the page in the page cache

    with database_down():
        cached = visitor.get("/priorities/")
        not_cached = visitor.get("/values/")

    assert cached.status_code == 200
    assert cached.headers["X-Page-Cache"] == "hit"
    assert "To help bring our vision to life we have four clear objectives:" in (
        cached.content.decode()
    )
    assert not_cached.status_code == 503


def driver_error(make):
    """Django's OperationalError with the database driver's own error as its cause,
    as Django raises it."""
    try:
        make()
    except (sqlite3.Error, psycopg.Error) as cause:
        error = OperationalError(str(cause))
        error.__cause__ = cause
        return error
    raise AssertionError("no error")


def raise_(error):
    raise error


def sqlite_syntax_error():
    sqlite3.connect(":memory:").execute("SELECT 1 FROM")


def sqlite_cannot_open():
    sqlite3.connect("/no/such/folder/db.sqlite3")


@pytest.mark.parametrize(
    ("make", "lost"),
    [
        (sqlite_cannot_open, True),
        (lambda: raise_(psycopg.OperationalError("connection refused")), True),
        (lambda: raise_(psycopg.errors.ConnectionFailure("server closed the connection")), True),
        (lambda: raise_(psycopg.errors.AdminShutdown("terminating connection")), True),
        # The database answered: the query was at fault, not the connection.
        (sqlite_syntax_error, False),
        (lambda: raise_(psycopg.errors.QueryCanceled("statement timeout")), False),
        (lambda: raise_(psycopg.errors.ProgramLimitExceeded("string is too long")), False),
    ],
)
def test_only_a_lost_connection_counts_as_an_outage(make, lost):
    assert is_lost_connection(driver_error(make)) is lost


@pytest.mark.parametrize("query", ['"', 'a"b', "NEAR("])
def test_a_search_the_database_cannot_parse_is_no_outage(visitor, seeded_site, query, caplog):
    response = visitor.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "Database unavailable" not in caplog.text


def test_other_server_errors_are_not_disguised_as_outages(visitor, seeded_site):
    with mock.patch.object(Page, "serve", side_effect=RuntimeError("a bug")):
        response = visitor.get("/")

    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert "Sorry, there is a problem with the service" in response.content.decode()


@override_settings(CACHES=FAIL_OPEN_REDIS_DOWN)
def test_with_redis_down_pages_are_served_from_the_database(visitor, seeded_site, caplog):
    caches.close_all()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="operations.cache"):
        for path in ("/", "/priorities/", "/values/"):
            response = visitor.get(path)
            assert response.status_code == 200, path
    assert time.monotonic() - started < 10
    assert "Redis cache unavailable" in caplog.text


@override_settings(CACHES=FAIL_OPEN_REDIS_DOWN)
def test_with_redis_down_the_cache_behaves_as_a_miss(caplog):
    cache = caches["default"]

    with caplog.at_level(logging.WARNING, logger="operations.cache"):
        # django-redis answers None for what it could not do, where Django's cache API
        # promises True/False, a count or the keys not set: callers must cope (the
        # feedback rate limit below does).
        assert cache.set("key", "value") is None
        assert cache.get("key") is None
        assert cache.get("key", "fallback") == "fallback"
        assert cache.add("key", "value") is None
        assert cache.get_many(["key", "other"]) == {}
        assert cache.has_key("key") is None
        assert cache.incr("counter") is None
        assert cache.delete("key") is None
        assert cache.set_many({"a": 1}) is None
        assert cache.get_or_set("key", "computed") == "computed"
    assert "Redis cache unavailable" in caplog.text


@override_settings(CACHES={**FAIL_OPEN_REDIS_DOWN, "ratelimit": FAIL_OPEN_REDIS_DOWN["default"]})
def test_with_redis_down_residents_can_still_send_feedback(visitor, seeded_site):
    caches.close_all()
    page = Page.objects.get(slug="values")

    response = visitor.post("/feedback/", {"page": page.pk, "answer": "yes"}, **OUR_ORIGIN)

    assert response.status_code == 302


class SilentServer:
    """Accepts connections and never answers: a Redis hung, or behind a broken network.
    Counts the connections made to it."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        with contextlib.suppress(OSError):
            while True:
                self.connections.append(self.listener.accept()[0])

    def close(self):
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for each in self.connections:
            each.close()


def test_with_redis_hanging_visitors_wait_for_it_once_not_on_every_call(visitor, seeded_site):
    server = SilentServer()
    try:
        with override_settings(CACHES=redis_cache_at(server.url)):
            caches.close_all()
            started = time.monotonic()
            for path in ("/", "/priorities/", "/values/", "/fairer-together/"):
                assert visitor.get(path).status_code == 200, path
            elapsed = time.monotonic() - started
    finally:
        server.close()

    # Each page makes several cache calls. After one timed out (0.25 s), nothing tried
    # Redis again for RETRY_AFTER seconds, so no other call waited.
    assert 1 <= len(server.connections) <= 1 + elapsed // RETRY_AFTER
