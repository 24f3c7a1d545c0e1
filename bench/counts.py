"""Where one request's work goes, in counts a busy machine does not change.

    .venv/bin/python bench/counts.py [/fairer-together/]

In one process with the production settings, a scratch SQLite database
(.tmp/bench/counts.sqlite3) and a cache local to the process, it prints:
- the garbage collector's work: objects it tracks once the site is loaded and what
  a full collection of them costs; then, with them frozen as gunicorn.conf.py does,
  how many collections of each generation 1,000 requests set off, and what a full
  collection costs after them;
- Python function calls per request for a cached hit and for a cold render
  (page cache bypassed), with the functions that take the most time (cProfile).
"""

import cProfile
import gc
import os
import pstats
import secrets
import statistics
import sys
import time
from pathlib import Path

import django

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
DATABASE = PROJECT / ".tmp" / "bench" / "counts.sqlite3"
DATABASE.parent.mkdir(parents=True, exist_ok=True)
DATABASE.unlink(missing_ok=True)
os.environ.update(
    DJANGO_SETTINGS_MODULE="islington.settings.production",
    DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
    DJANGO_ALLOWED_HOSTS="testserver",
    DJANGO_SECURE_SSL_REDIRECT="false",
    DATABASE_URL=f"sqlite:///{DATABASE}",
    PAGE_CACHE_ALLOW_BYPASS_HEADER="true",
    PAGE_CACHE_WARM_RENDITIONS="false",
)
os.environ.pop("REDIS_URL", None)
django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

URL = sys.argv[1] if len(sys.argv) > 1 else "/fairer-together/"
REQUESTS = 1000


def requests(client, count):
    for _ in range(count):
        response = client.get(URL)
        assert response.status_code == 200


def profile(name, client, count):
    profiler = cProfile.Profile()
    profiler.runcall(requests, client, count)
    stats = pstats.Stats(profiler)
    print(f"\n{name}: {stats.total_calls / count:,.0f} Python function calls a request")
    stats.sort_stats("tottime").print_stats(12)


def full_collection_ms():
    times = []
    for _ in range(5):
        started = time.process_time()
        gc.collect()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def collections(client, count):
    counts = [0, 0, 0]

    def count_collection(phase, info):
        if phase == "stop":
            counts[info["generation"]] += 1

    gc.callbacks.append(count_collection)
    requests(client, count)
    gc.callbacks.remove(count_collection)
    return counts


def main():
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_seed_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    cached, cold = Client(), Client(headers={"X-Bypass-Page-Cache": "1"})
    requests(cached, 10)
    requests(cold, 10)

    gc.collect()
    tracked = len(gc.get_objects())
    not_frozen = full_collection_ms()
    gc.freeze()  # as gunicorn.conf.py does before forking its workers
    print(f"{URL}, production settings, cache local to the process")
    print(
        f"\ngarbage collector: {tracked:,} objects tracked once the site is loaded; a full "
        f"collection of them takes {not_frozen:.1f} ms of CPU; gunicorn.conf.py freezes them"
    )
    print(f"thresholds {gc.get_threshold()}: collections of generations 0, 1, 2 set off by")
    print(f"  {REQUESTS:,} cached hits:    {collections(cached, REQUESTS)}")
    print(f"  {REQUESTS:,} cold renders:   {collections(cold, REQUESTS)}")
    print(
        f"then {len(gc.get_objects()):,} objects tracked outside the frozen heap; a full "
        f"collection takes {full_collection_ms():.1f} ms of CPU"
    )

    profile("cached hit", cached, REQUESTS)
    profile("cold render", cold, REQUESTS // 10)


if __name__ == "__main__":
    main()
