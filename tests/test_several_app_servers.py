"""Never stale, never private: real gunicorn servers on the production settings, changed by
another process, answer every anonymous visitor with the change within one second.

Two setups, each started once for the whole module:
- "one host": one server with two workers and no Redis (each worker has its own memory
  cache), on an SQLite file, or on PostgreSQL when the suite runs on it;
- "two hosts": two servers of two workers each, sharing PostgreSQL and a redis-server
  of the test's own behind a proxy that one test cuts while content changes. It runs
  when the suite runs on PostgreSQL (CI's second pass), or with SEVERAL_HOSTS=1.

A separate process (tests/content_editor.py, like a management command) makes each
change; `publish_scheduled` runs as the real command. Every check sends at least 24
requests, spread over every worker, and prints how many saw the change: run with
`-s` to read the figures.
"""

import http.cookiejar
import http.server
import os
import re
import subprocess
import sys
import threading
import urllib.parse
import urllib.request

import pytest

from tests.servers import (
    EDITOR_PASSWORD,
    PROJECT,
    AppServer,
    Database,
    Editor,
    NoRedirects,
    RedisServer,
    Site,
    environment,
    free_port,
    visit,
    wait_until,
)

DOCUMENT_PATH = "/documents/{id}/budget.txt"


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """Stands in for a CDN's purge endpoint (FRONTEND_CACHE_PURGE_URL)."""

    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def cdn():
    """The purge requests a CDN received: a list of paths."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeRecorder.address = f"http://127.0.0.1:{server.server_port}"
    yield PurgeRecorder.purged
    server.shutdown()


def database_engine():
    return "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"


SETUPS = ["one host"]
if database_engine() == "postgres" or os.environ.get("SEVERAL_HOSTS"):
    SETUPS.append("two hosts")


# A document in its own collection; and no images, whose renditions (AVIF takes seconds
# each) every worker would otherwise make on its first visit: they are not under test.
SETUP = f"""
import io
from django.contrib.auth import get_user_model
from django.core.management import call_command
call_command("migrate", interactive=False, stdout=io.StringIO())
call_command("load_seed_content", stdout=io.StringIO())
get_user_model().objects.create_superuser("editor", "e@x.org", "{EDITOR_PASSWORD}")
from django.core.files.base import ContentFile
from wagtail.images import get_image_model
get_image_model().objects.all().delete()
from wagtail.documents import get_document_model
from wagtail.models import Collection
reports = Collection.get_first_root_node().add_child(name="Reports")
document = get_document_model()(title="Budget", collection=reports)
document.file.save("budget.txt", ContentFile(b"The budget in full"), save=False)
document.save()
print(document.pk, document.file.url)
"""


@pytest.fixture(scope="module", params=SETUPS)
def site(request, cdn):
    print(f"\n{request.param}:")
    redis = None
    if request.param == "one host":
        database = Database(database_engine())
        env = environment(database, ADMIN_2FA_REQUIRED="true")
        server_count = 1
    else:
        redis = RedisServer()
        database = Database("postgres")
        # A wildcard, as sites behind a load balancer often allow: hosts under it that
        # are no Wagtail Site's must still not fill the cache.
        env = environment(
            database, redis.url, DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,.example.org"
        )
        server_count = 2
    servers, editor = [], None
    try:
        editor = Editor({**env, "FRONTEND_CACHE_PURGE_URL": PurgeRecorder.address})
        document_id, media_url = editor.run(SETUP).splitlines()[-1].split()
        servers = [AppServer(env) for _ in range(server_count)]
        live = Site(servers, editor, redis)
        live.env = env
        live.document_path = DOCUMENT_PATH.format(id=document_id)
        live.media_path = media_url
        yield live
    finally:
        for server in servers:
            server.stop()
        if editor:
            editor.stop()
        if redis:
            redis.stop()
        database.drop()


def everyone_sees(site, path, sees_change, count=24):
    seen, sent, workers = site.after_change(path, sees_change, count)
    assert workers >= 2, "the requests did not reach more than one worker"
    assert seen == sent


def has(text):
    return lambda status, headers, body: status == 200 and text in body


def lacks(text):
    return lambda status, headers, body: status == 200 and text not in body


def status_is(expected):
    return lambda status, headers, body: status == expected


def needs_sign_in(status, headers, body):
    return status == 302 and "/_util/login/" in headers.get("Location", "")


def asks_for_password(status, headers, body):
    return status == 200 and "You need a password to access this page." in body


def test_a_published_change_reaches_every_worker(site):
    site.warm("/", "/values/")
    site.editor.run("""
from pages.models import ValuesPage
values = ValuesPage.objects.get()
values.title = "What we stand for"
values.save_revision().publish()
""")
    everyone_sees(site, "/values/", has(">What we stand for</h1>"))
    everyone_sees(site, "/", has("What we stand for"))


def test_a_renamed_page_moves_everywhere(site):
    old = "/priorities/a-decent-home-for-everyone/"
    site.warm(old, "/priorities/")
    site.editor.run("""
from priorities.models import PriorityPage
priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
priority.slug = "homes-for-everyone"
priority.save_revision().publish()
""")
    everyone_sees(site, old, lambda status, headers, body: status in (301, 302, 404))
    everyone_sees(site, "/priorities/", has('href="/priorities/homes-for-everyone/"'))
    everyone_sees(site, "/priorities/homes-for-everyone/", status_is(200))


def test_an_unpublished_page_is_gone_everywhere(site):
    site.warm("/", "/challenging-inequality/")
    site.editor.run("""
from wagtail.models import Page
Page.objects.get(slug="challenging-inequality").specific.unpublish()
""")
    everyone_sees(site, "/challenging-inequality/", status_is(404))
    everyone_sees(site, "/", lacks('href="/challenging-inequality/"'))


RESTRICTIONS = {
    "login": ("/accessibility/", "restriction_type='login'", needs_sign_in),
    "password": (
        "/priorities/a-greener-cleaner-healthier-place-to-live/",
        "restriction_type='password', password='open sesame'",
        asks_for_password,
    ),
    "groups": (
        "/priorities/a-safe-place-for-everyone/",
        "restriction_type='groups'",
        needs_sign_in,
    ),
}


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_a_page_made_private_is_private_everywhere(site, kind):
    path, fields, is_refused = RESTRICTIONS[kind]
    site.warm(path)
    site.editor.run(f"""
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction
page = Page.objects.get(url_path__endswith="{path}")
restriction = PageViewRestriction.objects.create(page=page, {fields})
if restriction.restriction_type == "groups":
    restriction.groups.set([Group.objects.get(name="Communications approvers")])
""")
    everyone_sees(site, path, is_refused)


def test_a_document_in_a_restricted_collection_is_never_served_to_visitors(site):
    assert visit(f"{site.servers[0].url}{site.document_path}")[0] == 200
    everyone_sees(site, site.media_path, status_is(404))  # never straight from storage
    site.editor.run("""
from wagtail.models import Collection, CollectionViewRestriction
CollectionViewRestriction.objects.create(
    collection=Collection.objects.get(name="Reports"), restriction_type="login"
)
""")
    everyone_sees(site, site.document_path, needs_sign_in)
    everyone_sees(site, site.media_path, status_is(404))


def test_a_settings_change_reaches_every_page(site):
    site.warm("/priorities/")
    site.editor.run("""
from wagtail.models import Site
from pages.models import SiteSettings
settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
settings.organisation_name = "London Borough of Islington"
settings.save()
""")
    everyone_sees(site, "/priorities/", has("London Borough of Islington"))


def test_a_snippet_change_reaches_the_pages_showing_it(site):
    site.warm("/fairer-together/")
    site.editor.run("""
from partnership.models import Partner
Partner.objects.create(
    name="Islington Giving", web_address="https://example.org/", description="A charity."
)
""")
    everyone_sees(site, "/fairer-together/", has("Islington Giving"))


def test_a_scheduled_go_live_from_publish_scheduled_reaches_every_worker(site):
    path = "/priorities/a-local-economy-that-works-for-everyone/"
    site.warm(path)
    site.editor.run("""
from datetime import timedelta
from django.utils import timezone
from priorities.models import PriorityPage
page = PriorityPage.objects.get(slug="a-local-economy-that-works-for-everyone")
page.title = "A local economy, scheduled"
page.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))
""")
    subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"], cwd=PROJECT, env=site.env, check=True
    )
    everyone_sees(site, path, has("A local economy, scheduled"))


def test_a_rolled_back_transaction_does_not_stop_later_changes_or_cdn_purges(site, cdn):
    site.warm("/values/")
    site.editor.run("""
from django.db import transaction
from pages.models import ValuesPage
try:
    with transaction.atomic():
        values = ValuesPage.objects.get()
        values.title = "A title that was never saved"
        values.save_revision().publish()
        raise RuntimeError("the editor's request failed")
except RuntimeError:
    pass
""")
    purges_before = len(cdn)
    site.editor.run("""
values = ValuesPage.objects.get()
values.title = "Our values, after a failed save"
values.save_revision().publish()
""")
    everyone_sees(site, "/values/", has(">Our values, after a failed save</h1>"))
    # Every page shows the navigation, so the CDN purges every page, not only this one
    # (Wagtail's own frontend cache app purges that one at once, commit or not).
    assert "/priorities/" in cdn[purges_before:], "the CDN was not purged after the change"


def test_a_change_made_while_redis_is_cut_is_not_lost(site):
    if site.redis is None:
        pytest.skip("this setup has no Redis")
    site.warm("/values/", "/fairer-together/")
    site.redis.cut()
    try:
        site.editor.run("""
from wagtail.models import Page, PageViewRestriction
PageViewRestriction.objects.create(page=Page.objects.get(slug="values"), restriction_type="login")
from pages.models import HomePage
from partnership.models import PartnershipPage
page = PartnershipPage.objects.get()
page.title = "Fairer Together, during the cut"
page.save_revision().publish()
""")
        print("  during the cut:")
        everyone_sees(site, "/values/", needs_sign_in)
    finally:
        site.redis.restore()
    # The servers try Redis again once their back-off (5 s) ends: wait until they use it.
    wait_until(
        lambda: visit(f"{site.servers[0].url}/priorities/")[1].get("X-Page-Cache") == "hit",
        15,
        "the servers using Redis again",
    )
    print("  after Redis is back:")
    everyone_sees(site, "/values/", needs_sign_in)
    everyone_sees(site, "/fairer-together/", has("Fairer Together, during the cut"))


def test_hosts_and_ports_share_one_cache_entry_and_unknown_hosts_none(site):
    if site.redis is None:
        pytest.skip("counts the entries in Redis")
    site.warm("/priorities/")
    before = len(site.redis.page_keys())
    for number in range(20):
        answers = [
            visit(f"{site.servers[0].url}/priorities/", {"Host": f"LocalHost:{30000 + number}"}),
            visit(f"{site.servers[1].url}/priorities/", {"Host": f"x{number}.example.org"}),
        ]
        assert all(status == 200 for status, _h, _b in answers)
    added = len(site.redis.page_keys()) - before
    print(f"  40 requests with 20 ports and 20 unknown hosts added {added} cache entries")
    assert added <= 1


def signed_in_with_password_only(server):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirects)
    form = visit(f"{server.url}/admin/login/", opener=opener)[2]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {"csrfmiddlewaretoken": token, "username": "editor", "password": EDITOR_PASSWORD}
    status, headers, _ = visit(
        f"{server.url}/admin/login/",
        {"Referer": f"{server.url}/admin/login/"},
        urllib.parse.urlencode(fields).encode(),
        opener,
    )
    assert status == 302, "the password was refused"
    assert "two-factor" in visit(f"{server.url}/admin/", opener=opener)[1].get("Location", "")
    return opener


def test_a_session_without_the_second_factor_is_anonymous_everywhere(site):
    if "ADMIN_2FA_REQUIRED" not in site.env:
        pytest.skip("this setup does not require two-factor sign-in")
    server = site.servers[0]
    opener = signed_in_with_password_only(server)
    answers = [
        visit(f"{server.url}{path}", opener=opener)
        for path in ["/accessibility/", "/priorities/a-safe-place-for-everyone/"] * 6
        + [site.document_path] * 12
    ]
    refused = [answer for answer in answers if needs_sign_in(*answer)]
    print(f"  half signed in: {len(refused)}/{len(answers)} restricted requests refused")
    assert len(refused) == len(answers)


def test_guessing_a_page_password_is_throttled(site):
    server = site.servers[0]
    path = RESTRICTIONS["password"][0]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirects)
    form = visit(f"{server.url}{path}", opener=opener)[2]
    action = re.search(r'<form[^>]* action="([^"]+)"', form).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    statuses = []
    for guess in range(20):
        fields = {"csrfmiddlewaretoken": token, "password": f"guess {guess}", "return_url": path}
        statuses.append(
            visit(
                f"{server.url}{action}",
                {"Referer": f"{server.url}{path}"},
                urllib.parse.urlencode(fields).encode(),
                opener,
            )[0]
        )
    print(f"  20 wrong passwords answered: {statuses}")
    assert 500 not in statuses
    # As the admin sign-in: four wrong passwords get the form again, the fifth pauses it.
    assert statuses[:4] == [200] * 4
    assert set(statuses[4:]) == {429}
