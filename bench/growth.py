"""A whole council site of BENCH_GROWTH_PAGES pages (2,000), for `make bench`.

Run by bench/run.py with DATABASE_URL naming a scratch database, which it empties
first. It seeds the About us pages, times a cold render of each page type and
counts its queries, then grows the tree the way a council site grows (sections of
standard pages, subsections, pages below them, more priorities) and measures
again: cold renders, the sitemap, search and publishing. Prints one line of JSON.

A cold render here bypasses the page cache with the header `make bench` uses;
its queries are counted after every cache is cleared.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "islington.settings.production")
os.environ["PAGE_CACHE_ALLOW_BYPASS_HEADER"] = "true"

TARGET = int(os.environ.get("BENCH_GROWTH_PAGES", "2000"))
# Top-level sections, as on a council's site; subsections and pages go below them.
SECTIONS = [
    "Housing", "Bins and recycling", "Parking", "Schools", "Council tax", "Libraries",
    "Planning", "Social care", "Leisure", "Jobs", "Benefits", "Licensing",
]  # fmt: skip
SUBSECTIONS = 6  # in each section
PRIORITIES = 20
REPEAT = 5  # timings are the median of this many


def empty_database():
    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


empty_database()
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from pages.models import HomePage, StandardPage  # noqa: E402
from priorities.models import PrioritiesIndexPage, PriorityPage  # noqa: E402

client = Client(headers={"X-Bypass-Page-Cache": "1"})


def timed(action):
    """Median milliseconds of `action`, and the queries it makes after a cache clear."""
    action()
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        action()
    return {"ms": statistics.median(times), "queries": len(queries)}


def get(url):
    def action():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return action


def body(number):
    return [
        ("paragraph", f"<p>What residents need to know about topic {number}.</p>"),
        ("heading", {"text": "Who can apply", "level": "h2"}),
        ("paragraph", "<p>Anyone who lives in the borough. <b>Bring proof of address.</b></p>"),
        ("heading", {"text": "How to apply", "level": "h2"}),
        ("paragraph", "<p>Apply online, by phone or at the customer centre.</p>"),
    ]


def add(parent, page):
    """A live page (indexed for search, as publishing does); the bench times publishing apart."""
    parent.add_child(instance=page)
    return page


def grow():
    """Sections, subsections and pages below home, and more priorities, up to TARGET."""
    home = HomePage.objects.get()
    index = PrioritiesIndexPage.objects.get()
    for number in range(PRIORITIES):
        add(
            index,
            PriorityPage(
                title=f"Priority {number}",
                slug=f"priority-{number}",
                icon="house",
                summary="A summary of this priority.",
                commitments=[("commitment", {"text": "We will act", "anchor": "we-will-act"})],
            ),
        )
    sections = [
        add(home, StandardPage(title=title, slug=f"section-{number}", body=body(number)))
        for number, title in enumerate(SECTIONS)
    ]
    subsections = [
        add(section, StandardPage(title=f"{section.title}.{n}", slug=f"topic-{n}", body=body(n)))
        for section in sections
        for n in range(SUBSECTIONS)
    ]
    number, deepest = 0, None
    while Page.objects.count() < TARGET:
        parent = subsections[number % len(subsections)]
        deepest = add(
            parent,
            StandardPage(title=f"Page {number}", slug=f"page-{number}", body=body(number)),
        )
        number += 1
    return deepest or subsections[-1]


def measure_pages(extra=()):
    from bench.run import PAGE_TYPES  # noqa: PLC0415 - the page types the bench reports

    return {name: timed(get(url)) for name, url in [*PAGE_TYPES.items(), *extra]}


def main():
    call_command("migrate", verbosity=0)
    call_command("load_seed_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    pages_before = Page.objects.count()
    before = measure_pages()

    started = time.perf_counter()
    deep = grow()
    build_s = time.perf_counter() - started
    pages_after = Page.objects.count()
    deep_url = deep.url
    after = measure_pages([("StandardPage, depth 5", deep_url)])
    before["StandardPage, depth 5"] = None  # not there before

    def publish():
        revision = deep.save_revision()
        revision.publish()

    other = {
        "sitemap.xml": timed(get("/sitemap.xml")),
        "search 'parking' (7 pages)": timed(get("/search/?q=parking")),
        "search 'apply' (every page)": timed(get("/search/?q=apply")),
        "publish a page": timed(publish),
    }
    print(
        json.dumps(
            {
                "pages_before": pages_before,
                "pages_after": pages_after,
                "build_s": build_s,
                "pages": [(name, before[name], after[name]) for name in after],
                "other": other,
            }
        )
    )


if __name__ == "__main__":
    main()
