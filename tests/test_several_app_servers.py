"""Two app servers share PostgreSQL and Redis: a change through one shows on the other at once.

Needs the local PostgreSQL and Redis (database `islington_multi_server`, Redis
database 6, ports 8611 and 8612). Skipped when they are unreachable, except in
CI (CI=true), where a skip would hide a broken setup.
"""

import http.cookiejar
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("MULTI_SERVER_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "islington_multi_server"
REDIS_URL = os.environ.get("MULTI_SERVER_REDIS_URL", "redis://127.0.0.1:6379/6")
PORTS = (8611, 8612)
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must provide PostgreSQL and Redis.")
    pytest.skip(f"{reason}: this test needs the local PostgreSQL and Redis.")


@pytest.fixture
def shared_services():
    import psycopg
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).flushdb()
    except redis.RedisError as error:
        unavailable(f"Redis at {REDIS_URL} is unreachable ({error})")
    try:
        admin = psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        unavailable(f"PostgreSQL at {SERVER} is unreachable ({error})")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
        yield
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.multi_server_settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE_WARM_RENDITIONS": "false",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "",
        "DJANGO_SUPERUSER_PASSWORD": "a-test-only-password",
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def app_servers(shared_services):
    env = environment()
    manage(env, "migrate", "--noinput")
    manage(env, "load_seed_content")
    manage(env, "createsuperuser", "--noinput", "--username", "editor", "--email", "e@x.org")
    servers = [
        subprocess.Popen(
            [
                GUNICORN,
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "islington.wsgi",
            ],
            cwd=PROJECT,
            env=env,
        )
        for port in PORTS
    ]
    try:
        for port in PORTS:
            wait_for(f"http://127.0.0.1:{port}/")
        yield env, [f"http://127.0.0.1:{port}" for port in PORTS]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def wait_for(url):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback http
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not start")


def get(url, opener=urllib.request.urlopen):
    try:
        with opener(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def post(opener, url, fields):
    html = get(url, opener.open)[2]
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf_token(html), **fields}).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})  # noqa: S310
    with opener.open(request) as response:
        return response.status


def test_a_change_through_one_app_server_shows_on_the_other_at_once(app_servers):
    env, (first, second) = app_servers
    values_id = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from pages.models import ValuesPage; print(ValuesPage.objects.get().pk)",
    ).strip()
    for server in (first, second):
        get(f"{server}/values/")
        status, headers, _ = get(f"{server}/values/")
        assert status == 200
        assert headers["X-Page-Cache"] == "hit"
    assert 'href="/values/"' in get(f"{second}/")[2]

    # An editor unpublishes the values page in the admin of the first server.
    editor = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    post(
        editor, f"{first}/admin/login/", {"username": "editor", "password": "a-test-only-password"}
    )
    post(editor, f"{first}/admin/pages/{values_id}/unpublish/", {})

    assert get(f"{second}/values/")[0] == 404
    assert 'href="/values/"' not in get(f"{second}/")[2]
