"""Anonymous visitors get cached pages; editors, previews and changes never see stale ones."""

import io
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from pagecache import generation
from pagecache.generation import bump_generation, current_generation
from pagecache.middleware import recent_pages, serve_cached_pages
from pagecache.models import ContentVersion
from pages.factories import NotificationBannerFactory, StandardPageFactory
from pages.models import HomePage, SiteSettings, ValuesPage
from priorities.models import PriorityPage

PRIORITY_URL = "/priorities/a-decent-home-for-everyone/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(seeded_site):
    return HomePage.objects.get()


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    return client


def get_twice(client, url):
    first = client.get(url)
    second = client.get(url)
    return first, second


def database_is_down(*args, **kwargs):
    raise ConnectionError("the database is down")


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_the_page_from_the_cache_without_the_database(
    seeded_site, client, django_assert_num_queries
):
    first = client.get(PRIORITY_URL)
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0), connection.execute_wrapper(database_is_down):
        second = client.get(PRIORITY_URL)

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert not second.cookies


@pytest.mark.django_db
def test_cached_pages_carry_headers_for_a_cdn(seeded_site, client):
    for response in get_twice(client, "/"):
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
        assert "Cookie" in response["Vary"]
        assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_head_is_answered_from_the_cache_without_a_body(seeded_site, client):
    page = client.get("/values/")

    head = client.head("/values/")

    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(page.content))


@pytest.mark.django_db
def test_tracking_parameters_share_the_cached_page_but_other_queries_bypass_it(seeded_site, client):
    client.get("/values/")

    assert client.get("/values/?utm_source=twitter&fbclid=x")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/values/?anything=else")


@pytest.mark.django_db
def test_signed_in_editors_neither_read_nor_fill_the_cache(seeded_site, client, editor_client):
    for response in get_twice(editor_client, "/values/"):
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"

    client.logout()
    assert client.get("/values/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_preview_of_a_draft_is_private_and_never_reaches_visitors(seeded_site, editor_client):
    values = ValuesPage.objects.get()
    values.title = "Draft title nobody may see yet"
    values.save_revision()

    preview = editor_client.get(f"/admin/pages/{values.pk}/view_draft/")

    assert "Draft title nobody may see yet" in preview.text
    assert "no-store" in preview["Cache-Control"]
    editor_client.logout()
    for response in get_twice(editor_client, "/values/"):
        assert "Draft title nobody may see yet" not in response.text


@pytest.mark.django_db
def test_the_admin_is_never_cached(seeded_site, client):
    response = client.get("/admin/login/")

    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_responses_that_set_cookies_are_never_stored(seeded_site, client):
    serve = ValuesPage.serve

    def serve_setting_a_cookie(page, request, *args, **kwargs):
        response = serve(page, request, *args, **kwargs)
        response.set_cookie("tracking", "1")
        return response

    with mock.patch.object(ValuesPage, "serve", serve_setting_a_cookie):
        responses = get_twice(client, "/values/")

    for response in responses:
        assert "X-Page-Cache" not in response
        assert response.cookies["tracking"].value == "1"


@pytest.mark.django_db
def test_a_page_never_outlives_the_next_timed_change(seeded_site, client):
    # The notification banner goes off by the clock in 5 seconds.
    NotificationBannerFactory(
        message="<p>Flooding on Upper Street.</p>",
        ends_at=timezone.now() + timedelta(seconds=5),
    )

    response = client.get("/values/")

    max_ages = [int(part.split("=")[1]) for part in response["Cache-Control"].split(", ")[1:]]
    assert all(age <= 5 for age in max_ages)


@pytest.mark.django_db
def test_a_hit_comes_from_the_process_memory_without_a_round_trip_to_the_cache(seeded_site, client):
    client.get("/values/")

    with mock.patch.object(cache, "get", side_effect=AssertionError("asked the cache")):
        response = client.get("/values/")

    assert response["X-Page-Cache"] == "hit"
    assert ">Our values and behaviours</h1>" in response.text


@pytest.mark.django_db
def test_a_page_in_the_process_memory_is_never_served_past_its_expiry(seeded_site, client):
    client.get("/values/")
    # The shared cache still has the page; this process's copy has run out (a timed
    # banner change, say): the process asks the shared cache again.
    for key, entry in list(recent_pages._entries.items()):
        recent_pages.put(key, (entry[0], time.time() - 1, *entry[2:]))
    cache.clear()

    assert client.get("/values/")["X-Page-Cache"] == "miss"


# Invalidation: every change an editor makes shows at once.


def cached(client, url):
    response = client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    return response


@pytest.mark.django_db
def test_publishing_a_page_updates_every_cached_page(seeded_site, client):
    cached(client, "/")
    cached(client, PRIORITY_URL)
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    priority.title = "Homes for everyone"
    priority.save_revision().publish()

    assert ">Homes for everyone</h1>" in client.get(PRIORITY_URL).text
    values = ValuesPage.objects.get()
    values.title = "What we stand for"
    values.save_revision().publish()
    assert "What we stand for" in client.get("/").text  # the navigation


@pytest.mark.django_db
@pytest.mark.parametrize("remove", ["unpublish", "delete"])
def test_unpublishing_or_deleting_a_page_removes_it(seeded_site, client, remove):
    cached(client, "/")
    cached(client, "/values/")

    getattr(ValuesPage.objects.get(), remove)()

    assert client.get("/values/").status_code == 404
    assert 'href="/values/"' not in client.get("/").text


@pytest.mark.django_db
def test_moving_a_page_updates_links_to_it(seeded_site, client, home):
    assert 'href="/accessibility/"' in cached(client, "/").text
    help_section = StandardPageFactory(title="Help", parent=home)

    Page.objects.get(slug="accessibility").move(help_section, pos="last-child")

    assert 'href="/accessibility/"' not in client.get("/").text
    assert client.get("/help/accessibility/").status_code == 200


@pytest.mark.django_db
def test_saving_site_settings_updates_every_page(seeded_site, client, home):
    cached(client, "/values/")
    site_settings = SiteSettings.for_site(home.get_site())

    site_settings.organisation_name = "London Borough of Islington"
    site_settings.save()

    assert "London Borough of Islington" in client.get("/values/").text


@pytest.mark.django_db
def test_changing_an_images_alt_text_updates_pages_showing_it(seeded_site, client, home):
    # The home page uses the image's own description (update() sends no signal).
    HomePage.objects.filter(pk=home.pk).update(hero_image_alt_text="")
    cached(client, "/")
    hero = get_image_model().objects.get(pk=home.hero_image_id)

    hero.description = "Residents meeting on Highbury Fields"
    hero.save()

    assert 'alt="Residents meeting on Highbury Fields"' in client.get("/").text


@pytest.mark.django_db
def test_scheduled_changes_show_once_published(seeded_site, client):
    cached(client, "/values/")
    values = ValuesPage.objects.get()
    values.title = "Our values, renewed"
    values.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    assert "Our values, renewed" not in client.get("/values/").text

    from django.core.management import call_command

    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert "Our values, renewed" in client.get("/values/").text


# One truth for every process (issue 10): the content version in the database.


@pytest.mark.django_db
def test_a_change_made_by_another_process_shows_once_the_version_is_read_again(
    seeded_site, client, settings
):
    settings.PAGE_CACHE_VERSION_CHECK_INTERVAL = 0  # read it on every request
    cached(client, "/values/")
    # Another process changes the page: no signal reaches this one, only the database.
    ValuesPage.objects.update(title="Changed elsewhere")
    ContentVersion.objects.update(token="changed-by-another-process")

    response = client.get("/values/")

    assert ">Changed elsewhere</h1>" in response.text
    assert response["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_with_the_database_unreachable_the_last_version_read_is_kept(seeded_site, client, settings):
    settings.PAGE_CACHE_VERSION_CHECK_INTERVAL = 0
    cached(client, "/values/")

    def unreachable(*args):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(unreachable):
        response = client.get("/values/")

    assert response["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_leaves_later_changes_and_cdn_purges_working():
    with mock.patch("pagecache.frontend.purge_all_pages") as purge:
        with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012
            bump_generation()
            raise RuntimeError("the editor's request failed")
        assert not purge.called
        before = current_generation()

        with transaction.atomic():
            bump_generation()

    purge.assert_called_once()
    assert current_generation() != before


@pytest.mark.django_db
def test_every_port_and_spelling_of_a_host_shares_one_cached_page(seeded_site, client):
    cached(client, "/values/")

    for host in ("TESTSERVER", "testserver:8080", "TestServer:30001"):
        assert client.get("/values/", HTTP_HOST=host)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_hosts_no_site_is_configured_for_are_never_stored(seeded_site, client, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".example.org"]

    for _ in range(2):
        response = client.get("/values/", HTTP_HOST="anything.example.org")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"
    # The Wagtail Site's own host name is stored, even when only a wildcard allows it.
    settings.ALLOWED_HOSTS = [".localhost"]
    client.get("/values/", HTTP_HOST="localhost")
    assert client.get("/values/", HTTP_HOST="localhost")["X-Page-Cache"] == "hit"


@pytest.fixture
def stale_reading(settings):
    settings.PAGE_CACHE_VERSION_CHECK_INTERVAL = 0.3
    generation._remember("old")
    generation._known = ("old", time.monotonic() - 10)  # due a re-read
    yield
    generation.forget_generation()


def test_a_thread_waiting_for_another_threads_read_of_the_version_gets_its_answer(
    stale_reading,
):
    generation._reading.acquire()  # another thread is reading it

    def finish_reading():
        time.sleep(0.05)
        generation._remember("new")
        generation._reading.release()

    threading.Thread(target=finish_reading).start()

    assert current_generation() == "new"


def test_when_the_database_hangs_cache_hits_wait_at_most_one_interval(stale_reading):
    generation._reading.acquire()  # another thread's read, stuck on the database
    started = time.monotonic()
    try:
        assert current_generation() == "old"
    finally:
        generation._reading.release()

    assert time.monotonic() - started < 1


# Hits answered before Django builds its request (islington/wsgi.py, serve_cached_pages).


def wsgi_environ(path, method="GET", query="", host="testserver", scheme="http", **headers):
    """What a WSGI server such as gunicorn hands the application."""
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }


def call_wsgi(application, environ):
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered.update(status=status, headers=headers)

    body = application(environ, start_response)
    try:
        content = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return answered["status"], answered["headers"], content


def django_must_not_answer(environ, start_response):
    raise AssertionError("Django was asked")


def django_answers(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from Django"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("url", ["/", "/values/", PRIORITY_URL, "/fairer-together/"])
def test_a_hit_answered_before_django_is_the_hit_django_would_send(
    seeded_site, client, url, method
):
    from islington.wsgi import django_application

    client.get(url)  # stored
    through_django = call_wsgi(django_application, wsgi_environ(url, method))
    early = call_wsgi(serve_cached_pages(django_must_not_answer), wsgi_environ(url, method))

    status, headers, content = early
    assert (status, dict(headers)["X-Page-Cache"]) == ("200 OK", "hit")
    assert early == through_django
    assert len({name.lower() for name, _value in headers}) == len(headers)  # none twice


@pytest.mark.django_db
def test_a_page_only_in_the_shared_cache_is_answered_by_django(seeded_site, client):
    client.get("/values/")
    recent_pages.clear()  # as in another worker process

    status, _headers, content = call_wsgi(
        serve_cached_pages(django_answers), wsgi_environ("/values/")
    )

    assert content == b"from Django"


def hostile_or_private(settings):
    settings.PAGE_CACHE_ALLOW_BYPASS_HEADER = True
    return {
        "a form post": wsgi_environ("/values/", method="POST"),
        "a session cookie": wsgi_environ("/values/", cookie="sessionid=abc"),
        "another query": wsgi_environ("/values/", query="anything=else"),
        "the bypass header": wsgi_environ("/values/", x_bypass_page_cache="1"),
        "an unknown host": wsgi_environ("/values/", host="evil.example"),
        "a broken host": wsgi_environ("/values/", host="[::1"),
        "another scheme": wsgi_environ("/values/", scheme="https"),
        "another page": wsgi_environ("/accessibility/"),
    }


@pytest.mark.django_db
def test_requests_the_cache_may_not_answer_go_to_django(seeded_site, client, settings):
    client.get("/values/")
    application = serve_cached_pages(django_answers)

    for name, environ in hostile_or_private(settings).items():
        assert call_wsgi(application, environ)[2] == b"from Django", name
    # Tracking parameters, another port and spelling of the host: the same page.
    environ = wsgi_environ("/values/", query="utm_source=x", host="TestServer:8080")
    assert dict(call_wsgi(application, environ)[1])["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_before_django_no_page_is_served_past_its_version_or_expiry(seeded_site, client):
    client.get("/values/")
    application = serve_cached_pages(django_answers)
    assert dict(call_wsgi(application, wsgi_environ("/values/"))[1])["X-Page-Cache"] == "hit"

    # Due to read the version again: only Django's request cycle uses the database.
    generation._known = (generation._known[0], time.monotonic() - 3600)
    assert call_wsgi(application, wsgi_environ("/values/"))[2] == b"from Django"

    client.get("/values/")  # reads the version
    for key, entry in list(recent_pages._entries.items()):
        recent_pages.put(key, (entry[0], time.time() - 1, *entry[2:]))
    assert call_wsgi(application, wsgi_environ("/values/"))[2] == b"from Django"
