"""Where one request's work goes, in counts a busy machine does not change.

    .venv/bin/python bench/counts.py                    # the table for every page type
    .venv/bin/python bench/counts.py /fairer-together/  # where that page's time goes

In one process with the production settings, a scratch SQLite database
(.tmp/bench/counts-<pid>.sqlite3) and a cache local to the process, requests go straight to
the WSGI application, as gunicorn hands them over (no test client in between). It prints:
- for every page type: a cached hit's CPU time (µs, time.process_time over many hits)
  and Python function calls; a cold render's (page cache bypassed) CPU time (ms),
  queries and calls; and the same bytes from the framework's ceiling (bench/ceiling.py,
  in a process of its own);
- the garbage collector's work: objects it tracks once the site is loaded and what
  a full collection of them costs; then, with them frozen as gunicorn.conf.py does,
  how many collections of each generation 1,000 requests set off;
- with a path instead: the functions that take the most time in a hit and a cold
  render of that page (cProfile).

CPU time is still shared with whatever else runs: compare figures taken in one run.
"""

import atexit
import cProfile
import gc
import io
import json
import os
import pstats
import secrets
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
TMP = PROJECT / ".tmp" / "bench"
HOST = "localhost"  # allowed by the site and by the ceiling
HITS = int(os.environ.get("BENCH_HITS", "3000"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "100"))
REPEATS = 5  # the least of this many timings of HITS hits (RENDERS renders)


def environ(path, **headers):
    """What gunicorn hands the application for `GET path` from wrk."""
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "RAW_URI": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "REMOTE_ADDR": "127.0.0.1",
        "REMOTE_PORT": "50000",
        "HTTP_HOST": HOST,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()},
    }


def requester(application, path, **headers):
    """A function making one request, as gunicorn does: call, read the body, close."""
    statuses = []

    def start_response(status, response_headers, exc_info=None):
        statuses.append(status)

    def request():
        body = application(dict(environ(path, **headers)), start_response)
        for _chunk in body:
            pass
        if hasattr(body, "close"):
            body.close()

    def check():
        statuses.clear()
        request()
        assert statuses == ["200 OK"], (path, statuses)

    return request, check


def cpu_per_call(function, count):
    """CPU seconds per call: the least of REPEATS timings of `count` calls (the least
    disturbed by other processes sharing the cores and caches)."""
    timings = []
    for _ in range(REPEATS):
        started = time.process_time()
        for _ in range(count):
            function()
        timings.append((time.process_time() - started) / count)
    return min(timings)


def calls_per_call(function, count):
    profiler = cProfile.Profile()
    for _ in range(count):
        profiler.runcall(function)
    return pstats.Stats(profiler).total_calls / count


def print_profile(name, function, count):
    profiler = cProfile.Profile()
    for _ in range(count):
        profiler.runcall(function)
    stats = pstats.Stats(profiler)
    print(f"\n{name}: {stats.total_calls / count:,.0f} Python function calls a request")
    stats.sort_stats("tottime").print_stats(20)
    stats.sort_stats("cumulative").print_stats(int(os.environ.get("BENCH_PROFILE_LINES", "40")))


def ceiling_main(pages_file):
    """In a process of its own (settings.configure): the ceiling's cost per page."""
    os.environ["BENCH_CEILING_PAGES"] = pages_file
    from bench.ceiling import application

    figures = {}
    for path in json.loads(Path(pages_file).read_text()):
        request, check = requester(application, path)
        check()
        figures[path] = {
            "us": cpu_per_call(request, HITS) * 1e6,
            "calls": calls_per_call(request, 100),
        }
    print(json.dumps(figures))


def setup_site():
    import django

    database = TMP / f"counts-{os.getpid()}.sqlite3"  # two runs at once never share one
    atexit.register(database.unlink, missing_ok=True)
    database.parent.mkdir(parents=True, exist_ok=True)
    database.unlink(missing_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="islington.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=f"{HOST},testserver",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{database}",
        PAGE_CACHE_ALLOW_BYPASS_HEADER="true",
        PAGE_CACHE_WARM_RENDITIONS="false",
    )
    os.environ.pop("REDIS_URL", None)
    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_seed_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


def queries_per_call(function):
    from django.db import connection

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        function()
    return len(executed)


def site_main(profile_path):
    from bench.run import PAGE_TYPES

    setup_site()
    from islington.wsgi import application

    if profile_path:
        profile(application, profile_path)
        return
    bodies, requesters = {}, {}
    for page_type, path in PAGE_TYPES.items():
        hit, check_hit = requester(application, path)
        cold, check_cold = requester(application, path, x_bypass_page_cache="1")
        for _ in range(3):
            check_cold()
            check_hit()
        requesters[page_type] = (path, hit, cold)
        body = application(dict(environ(path)), lambda status, headers: None)
        bodies[path] = b"".join(body).decode()
        if hasattr(body, "close"):
            body.close()

    pages_file = TMP / f"counts-{os.getpid()}.json"
    pages_file.write_text(json.dumps(bodies))
    ceiling = subprocess.run(
        [sys.executable, __file__, "--ceiling", str(pages_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    ceiling = json.loads(ceiling.stdout)

    gc.collect()
    tracked = len(gc.get_objects())
    started = time.process_time()
    gc.collect()
    not_frozen_ms = (time.process_time() - started) * 1000
    gc.freeze()  # as gunicorn.conf.py does before forking its workers

    print("production settings, SQLite, cache local to the process; CPU time per request")
    print(
        f"\n{'page type':<20} | cached hit      | cold render              | ceiling"
        f"         | hit / ceiling\n"
        f"{'':<20} | {'µs':>6} {'calls':>7} | {'ms':>6} {'queries':>7} {'calls':>9} "
        f"| {'µs':>6} {'calls':>7} | µs"
    )
    for page_type, (path, hit, cold) in requesters.items():
        hit_us = cpu_per_call(hit, HITS) * 1e6
        cold_ms = cpu_per_call(cold, RENDERS) * 1e3
        top = ceiling[path]
        print(
            f"{page_type:<20} | {hit_us:>6.0f} {calls_per_call(hit, 100):>7,.0f} "
            f"| {cold_ms:>6.2f} {queries_per_call(cold):>7} {calls_per_call(cold, 10):>9,.0f} "
            f"| {top['us']:>6.0f} {top['calls']:>7,.0f} | {hit_us / top['us']:.2f}"
        )

    counts = [0, 0, 0]

    def count_collection(phase, info):
        if phase == "stop":
            counts[info["generation"]] += 1

    path, hit, cold = requesters["PartnershipPage"]
    gc.callbacks.append(count_collection)
    for _ in range(1000):
        cold()
    gc.callbacks.remove(count_collection)
    print(
        f"\ngarbage collector: {tracked:,} objects tracked once the site is loaded; a full "
        f"collection of them takes {not_frozen_ms:.1f} ms of CPU; gunicorn.conf.py freezes "
        f"them. Then 1,000 cold renders of {path} set off {counts} collections of "
        f"generations 0, 1, 2 (thresholds {gc.get_threshold()})"
    )


def profile(application, path):
    hit, check_hit = requester(application, path)
    cold, check_cold = requester(application, path, x_bypass_page_cache="1")
    for _ in range(3):
        check_cold()
        check_hit()
    gc.freeze()
    print_profile(f"cached hit of {path}", hit, 1000)
    print_profile(f"cold render of {path}", cold, 100)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--ceiling"]:
        ceiling_main(sys.argv[2])
    else:
        site_main(sys.argv[1] if len(sys.argv) > 1 else None)
