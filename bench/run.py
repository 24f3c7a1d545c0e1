"""`make bench`: the site under gunicorn (production settings) against the framework's ceiling.

For each page type it measures, with wrk on loopback:
- cached: anonymous requests answered by the full-page cache (Redis);
- cold: the same requests with the page cache bypassed by the X-Bypass-Page-Cache
  header, which the site honours only when PAGE_CACHE_ALLOW_BYPASS_HEADER is set
  (this script sets it; production never does). Every other cache stays as a
  running site has it, so "cold" is a full render: routing, queries, templates;
- ceiling: a minimal Django app (bench/ceiling.py) returning the same bytes,
  served by the same gunicorn.conf.py.
Cold runs use 2 connections (one request per worker at a time), so their
latency is the render time without queueing; the others use 8.
"""

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
import redis

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/islington_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
SITE_PORT = int(os.environ.get("BENCH_SITE_PORT", "8601"))
CEILING_PORT = int(os.environ.get("BENCH_CEILING_PORT", "8602"))
DURATION = os.environ.get("BENCH_DURATION", "4s")

PAGE_TYPES = {
    "HomePage": "/",
    "PrioritiesIndexPage": "/priorities/",
    "PriorityPage": "/priorities/a-decent-home-for-everyone/",
    "ValuesPage": "/values/",
    "InequalityPage": "/challenging-inequality/",
    "PartnershipPage": "/fairer-together/",
    "StandardPage": "/accessibility/",
}
BYPASS = "X-Bypass-Page-Cache: 1"

SITE_ENV = {
    "DJANGO_SETTINGS_MODULE": "islington.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "PAGE_CACHE_ALLOW_BYPASS_HEADER": "true",
    "WEB_CONCURRENCY": "2",
    "GUNICORN_ACCESS_LOG": "",
    "GUNICORN_MAX_REQUESTS": "0",  # no worker restarts in the middle of a run
}


def environment(**extra):
    return {**os.environ, **SITE_ENV, **extra}


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env=environment(), check=True)


def create_database():
    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def start(app, port, **extra):
    command = [GUNICORN, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", app]
    process = subprocess.Popen(command, cwd=PROJECT, env=environment(**extra))
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"{app} did not start on port {port}")


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, connections, header=None):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{DURATION}", "--latency", url]
    if header:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def latency(percentile):
        value, unit = re.search(
            rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M
        ).groups()
        return float(value) * UNITS[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors or "Socket errors" in output:
        print(output, file=sys.stderr)
        raise SystemExit(f"wrk saw errors on {url}")
    return rps, latency(50), latency(99)


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it with apt-get.")
    create_database()
    redis.Redis.from_url(REDIS_URL).flushdb()  # our own Redis database only
    manage("collectstatic", "--noinput", "--verbosity", "0")
    manage("migrate", "--noinput", "--verbosity", "0")
    manage("load_seed_content")

    site = start("islington.wsgi", SITE_PORT)
    try:
        pages = {url: fetch(f"http://127.0.0.1:{SITE_PORT}{url}") for url in PAGE_TYPES.values()}
        pages_file = PROJECT / ".tmp" / "bench-pages.json"
        pages_file.parent.mkdir(exist_ok=True)
        pages_file.write_text(json.dumps(pages))
        ceiling = start(
            "bench.ceiling:application", CEILING_PORT, BENCH_CEILING_PAGES=str(pages_file)
        )
        try:
            rows = []
            for page_type, url in PAGE_TYPES.items():
                assert fetch(f"http://127.0.0.1:{CEILING_PORT}{url}") == pages[url]
                cached = wrk(f"http://127.0.0.1:{SITE_PORT}{url}", 8)
                cold = wrk(f"http://127.0.0.1:{SITE_PORT}{url}", 2, BYPASS)
                top = wrk(f"http://127.0.0.1:{CEILING_PORT}{url}", 8)
                rows.append((page_type, cached, cold, top))
        finally:
            stop(ceiling)
    finally:
        stop(site)
    report(rows)


def report(rows):
    print()
    print(
        f"gunicorn.conf.py, 2 workers; wrk -t1, {DURATION} per run; "
        "cached and ceiling 8 connections, cold 2"
    )
    header = (
        f"{'page type':<20} {'cached rps':>10} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'cold rps':>9} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'ceiling rps':>11} {'p50 ms':>7} {'p99 ms':>7} {'cached/ceiling':>14}"
    )
    print(header)
    print("-" * len(header))
    for page_type, cached, cold, top in rows:
        print(
            f"{page_type:<20} {cached[0]:>10.0f} {cached[1]:>7.2f} {cached[2]:>7.2f}"
            f" {cold[0]:>9.0f} {cold[1]:>7.2f} {cold[2]:>7.2f}"
            f" {top[0]:>11.0f} {top[1]:>7.2f} {top[2]:>7.2f} {cached[0] / top[0]:>13.0%}"
        )
    print()
    print("Targets: cached at least 50% of the ceiling's rps; a cold render (p50) at most 20 ms.")


if __name__ == "__main__":
    main()
