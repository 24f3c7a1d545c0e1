"""`make bench` and `make loadtest`: the site under gunicorn, as production runs it.

    python bench/run.py bench      # every figure below, beside the framework's ceiling
    python bench/run.py loadtest   # 32 connections for 60 s over every public page

Both serve the production settings with gunicorn.conf.py from a scratch
PostgreSQL database (BENCH_DATABASE_URL, migrated and seeded) and a redis-server
of their own on a free port, stopped by its pid when done; nothing shared is
flushed. wrk drives them on loopback through bench/mix.lua.

`bench` measures, for each page type:
- cached: anonymous requests answered by the full-page cache;
- cold: the page cache bypassed with the X-Bypass-Page-Cache header, which the site
  honours only when PAGE_CACHE_ALLOW_BYPASS_HEADER is set (here; never in production).
  Every other cache stays as a running site has it, so "cold" is a full render:
  routing, queries, templates. 2 connections, one request per worker at a time, so
  the latency is the render time without queueing;
- ceiling: a minimal Django app (bench/ceiling.py) returning the same bytes under the
  same gunicorn.conf.py.
Then: p99 over every page at 8 and 32 connections; each worker's memory (RSS, PSS,
USS) at start and after 100,000 requests, with the garbage collections counted
inside requests (bench/gcstats.py); gunicorn's worker classes side by side; and a
2,000-page site (bench/growth.py) in scratch SQLite and PostgreSQL databases.

BENCH_QUICK=1 runs everything briefly (a smoke test, not figures). BENCH_SKIP
names sections to leave out (compare, memory, growth). BENCH_PORTS=21300-21399
picks free ports in that range (else the system picks). The table goes to
stdout; the figures also go to BENCH_JSON (default .tmp/bench.json).
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from seed.paths import PUBLIC_PATHS  # noqa: E402 - what residents read, for the mixes and the load test

PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
TMP = PROJECT / ".tmp" / "bench"

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
SKIP = set(os.environ.get("BENCH_SKIP", "").replace(",", " ").split())
DURATION = int(os.environ.get("BENCH_DURATION", "1" if QUICK else "5"))  # seconds per run
MEMORY_REQUESTS = int(os.environ.get("BENCH_MEMORY_REQUESTS", "2000" if QUICK else "100000"))
GROWTH_PAGES = int(os.environ.get("BENCH_GROWTH_PAGES", "60" if QUICK else "2000"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/islington_bench"
)
GROWTH_DATABASE_URL = os.environ.get("BENCH_GROWTH_DATABASE_URL", DATABASE_URL + "_growth")
JSON_PATH = Path(os.environ.get("BENCH_JSON", PROJECT / ".tmp" / "bench.json"))

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
# Worker classes compared side by side: (worker class, threads).
WORKER_CHOICES = [("sync", 1), ("gthread", 1), ("gthread", 2), ("gthread", 4)]

SECRET = secrets.token_urlsafe(50)


def site_environment(database_url, redis_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "islington.settings.production",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "PAGE_CACHE_ALLOW_BYPASS_HEADER": "true",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_MAX_REQUESTS": "0",  # no worker restarts in the middle of a run
        **extra,
    }


# Ports, processes and databases of our own


def free_port():
    """A free port on loopback: in BENCH_PORTS (such as 21300-21399) if set, else any."""
    low, _, high = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(low), int(high or low) + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise SystemExit(f"No free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


class Processes:
    """Everything this run starts, stopped by pid however the run ends."""

    def __init__(self):
        self.running = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for process in reversed(self.running):
            stop(process)

    def start(self, command, **kwargs):
        process = subprocess.Popen(command, cwd=PROJECT, **kwargs)
        self.running.append(process)
        return process

    def stop(self, process):
        stop(process)
        self.running.remove(process)


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_redis(processes):
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--loglevel", "warning"]
    processes.start(command, stdout=subprocess.DEVNULL)
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return f"redis://127.0.0.1:{port}/0"
        time.sleep(0.1)
    raise SystemExit("redis-server did not start")


def create_database(url):
    if not url.startswith("postgres"):
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not found.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare_site(database_url, redis_url):
    create_database(database_url)
    environment = site_environment(database_url, redis_url)
    for command in (
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["migrate", "--noinput", "--verbosity", "0"],
        ["load_seed_content"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=PROJECT,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start_server(processes, app, environment):
    port = free_port()
    command = [GUNICORN, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--log-level", "warning", app]
    process = processes.start(command, env=environment)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            break
        except urllib.error.HTTPError:
            break  # the ceiling answers 404 there: it is up
        except OSError:
            time.sleep(0.2)
    else:
        raise SystemExit(f"{app} did not start")
    return process, f"http://127.0.0.1:{port}"


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


# Measuring


def wrk(base, paths, connections, seconds=DURATION, header=None):
    """Requests per second, errors, p50, p99 and max latency (ms) for `paths` in turn."""
    threads = min(2, connections)
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
        if header:
            command += ["-H", header]
        command += ["-s", str(PROJECT / "bench" / "mix.lua"), base]
        environment = {**os.environ, "BENCH_PATHS": ",".join(paths), "BENCH_RESULT": result.name}
        subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL)
        return json.loads(Path(result.name).read_text())


def workers(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def memory(pid):
    """Resident memory of one process in MB: RSS, PSS, and USS (its private pages)."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    uss = fields["Private_Clean"] + fields["Private_Dirty"]
    return {"rss": fields["Rss"], "pss": fields["Pss"], "uss": uss}


def gc_stats(folder):
    stats = [json.loads(path.read_text()) for path in sorted(Path(folder).glob("*.json"))]
    for path in Path(folder).glob("*.json"):
        path.unlink()
    return stats


# The sections of `make bench`


def page_types(site, ceiling):
    rows = {}
    for page_type, path in PAGE_TYPES.items():
        rows[page_type] = {
            "cached": wrk(site, [path], 8),
            "cold": wrk(site, [path], 2, header=BYPASS),
            "ceiling": wrk(ceiling, [path], 8),
        }
    return rows


def connections(site, ceiling):
    return {
        f"{kind} {count}": wrk(base, PUBLIC_PATHS, count)
        for count in (8, 32)
        for kind, base in (("cached", site), ("ceiling", ceiling))
    }


def memory_run(site, master, at_start):
    """Each worker's memory at start (`at_start`), once warm (after the bench's other
    runs and a tenth of the requests), then after MEMORY_REQUESTS requests in all."""
    pids = sorted(at_start)
    served, runs, warm = 0, [], None
    while served < MEMORY_REQUESTS:
        runs.append(wrk(site, PUBLIC_PATHS, 32, seconds=max(DURATION, 10 if not QUICK else 1)))
        served += runs[-1]["requests"]
        if warm is None and served >= MEMORY_REQUESTS / 10:
            warm = {pid: memory(pid) for pid in workers(master)}
    after = {pid: memory(pid) for pid in workers(master)}
    return {
        "requests": served,
        "errors": sum(run["errors"] for run in runs),
        "same_workers": sorted(after) == pids,
        "workers": [
            {"pid": pid, "start": at_start[pid], "warm": warm.get(pid), "after": after.get(pid)}
            for pid in pids
        ],
    }


def compare_workers(processes, database_url, redis_url, pages, gc_folder):
    """Worker classes and thread counts, and the heap frozen or not, side by side."""
    results = []
    choices = [(*choice, True) for choice in WORKER_CHOICES] + [("gthread", 4, False)]
    for worker_class, threads, freeze in choices:
        environment = site_environment(
            database_url,
            redis_url,
            GUNICORN_WORKER_CLASS=worker_class,
            GUNICORN_THREADS=str(threads),
            GUNICORN_GC_FREEZE=str(freeze).lower(),
            BENCH_GC_STATS=str(gc_folder),
        )
        process, site = start_server(processes, "islington.wsgi", environment)
        for path in pages:
            fetch(site + path)
        results.append(
            {
                "worker_class": worker_class,
                "threads": threads,
                "frozen": freeze,
                "cached 8": wrk(site, PUBLIC_PATHS, 8),
                "cached 32": wrk(site, PUBLIC_PATHS, 32),
                "cold 8": wrk(site, PUBLIC_PATHS, 8, header=BYPASS),
            }
        )
        processes.stop(process)
        results[-1]["gc"] = gc_stats(gc_folder)
    return results


def growth():
    """The 2,000-page site, in SQLite and PostgreSQL scratch databases (bench/growth.py)."""
    results = {}
    sqlite = TMP / "growth.sqlite3"
    for name, url in (("sqlite", f"sqlite:///{sqlite}"), ("postgresql", GROWTH_DATABASE_URL)):
        environment = site_environment(
            url,
            "",
            BENCH_GROWTH_PAGES=str(GROWTH_PAGES),
            PAGE_CACHE_WARM_RENDITIONS="false",
            # One process, which sees its own changes at once: the content version is
            # never due to be read again inside a counted render (twice a second it
            # was, when a render ended more than half a second after the last read).
            PAGE_CACHE_VERSION_CHECK_INTERVAL="3600",
        )
        environment.pop("REDIS_URL")
        output = subprocess.run(
            [PYTHON, "bench/growth.py"],
            cwd=PROJECT,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        )
        results[name] = json.loads(output.stdout.strip().splitlines()[-1])
    return results


def bench():
    figures = {"quick": QUICK, "duration_s": DURATION}
    gc_folder = TMP / "gc"
    gc_folder.mkdir(parents=True, exist_ok=True)
    gc_stats(gc_folder)
    with Processes() as processes:
        redis_url = start_redis(processes)
        prepare_site(DATABASE_URL, redis_url)
        environment = site_environment(DATABASE_URL, redis_url, BENCH_GC_STATS=str(gc_folder))
        master, site = start_server(processes, "islington.wsgi", environment)
        pages = {path: fetch(site + path).decode() for path in PUBLIC_PATHS}
        pages_file = TMP / "pages.json"
        pages_file.write_text(json.dumps(pages))
        ceiling_environment = {
            **os.environ,
            "BENCH_CEILING_PAGES": str(pages_file),
            "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_MAX_REQUESTS": "0",
        }
        _, ceiling = start_server(processes, "bench.ceiling:application", ceiling_environment)
        for path in PUBLIC_PATHS:
            assert fetch(ceiling + path).decode() == pages[path], path
            fetch(site + path, {"X-Bypass-Page-Cache": "1"})
        at_start = {pid: memory(pid) for pid in workers(master)}

        figures["page_types"] = page_types(site, ceiling)
        figures["connections"] = connections(site, ceiling)
        if "memory" not in SKIP:
            figures["memory"] = memory_run(site, master, at_start)
        processes.stop(master)  # each worker writes its garbage collections as it exits
        figures["gc"] = gc_stats(gc_folder)
        if "compare" not in SKIP:
            figures["compare"] = compare_workers(
                processes, DATABASE_URL, redis_url, PUBLIC_PATHS, gc_folder
            )
    if "growth" not in SKIP:
        figures["growth"] = growth()
    JSON_PATH.parent.mkdir(parents=True, exist_ok=True)
    JSON_PATH.write_text(json.dumps(figures, indent=1))
    report(figures)


def loadtest():
    seconds = int(os.environ.get("LOADTEST_DURATION", "5" if QUICK else "60"))
    count = int(os.environ.get("LOADTEST_CONNECTIONS", "32"))
    with Processes() as processes:
        redis_url = start_redis(processes)
        prepare_site(DATABASE_URL, redis_url)
        _, site = start_server(
            processes, "islington.wsgi", site_environment(DATABASE_URL, redis_url)
        )
        result = wrk(site, PUBLIC_PATHS, count, seconds=seconds)
    print(
        f"\nmake loadtest: {count} connections for {seconds} s over {len(PUBLIC_PATHS)} pages, "
        f"gunicorn.conf.py as production runs it\n"
        f"requests {result['requests']} ({result['rps']:.0f}/s)   errors {result['errors']} "
        f"(HTTP {result['http_errors']}, socket {result['socket_errors']})\n"
        f"latency p50 {result['p50']:.1f} ms   p99 {result['p99']:.1f} ms   "
        f"max {result['max']:.1f} ms   (target: 0 errors, p99 at most 50 ms)"
    )
    if result["errors"]:
        raise SystemExit(f"FAILED: {result['errors']} requests went wrong")


# The table


def line(run):
    return f"{run['rps']:>7.0f} {run['p50']:>6.1f} {run['p99']:>6.1f} {run['max']:>6.0f}"


def mark(ok):
    return "ok" if ok else "MISSED"


def report(figures):
    print(
        f"\nmake bench{' (BENCH_QUICK: a smoke test, not figures)' if QUICK else ''}: "
        f"gunicorn.conf.py, wrk {figures['duration_s']} s per run; latency in ms"
    )
    head = f"{'rps':>7} {'p50':>6} {'p99':>6} {'max':>6}"
    print(
        f"\n{'page type':<20} | cached, 8 connections       | cold, 2 connections         "
        f"| ceiling, 8 connections      | cached"
    )
    print(f"{'':<20} | {head} | {head} | {head} | /ceiling")
    worst = {"ratio": 9.0, "p99": 0.0, "p99x": 0.0, "cold_p50": 0.0}
    for page_type, row in figures["page_types"].items():
        cached, cold, top = row["cached"], row["cold"], row["ceiling"]
        ratio = cached["rps"] / top["rps"]
        worst["ratio"] = min(worst["ratio"], ratio)
        worst["p99"] = max(worst["p99"], cached["p99"])
        worst["p99x"] = max(worst["p99x"], cached["p99"] / max(top["p99"], 0.001))
        worst["cold_p50"] = max(worst["cold_p50"], cold["p50"])
        print(f"{page_type:<20} | {line(cached)} | {line(cold)} | {line(top)} | {ratio:>5.0%}")

    print(f"\n{'every page in turn':<22} | {head} | errors")
    for name, run in figures["connections"].items():
        print(f"{name + ' connections':<22} | {line(run)} | {run['errors']}")

    if "memory" in figures:
        run = figures["memory"]
        print(
            f"\nmemory per worker (MB): at start -> warm (a tenth of the requests) -> after "
            f"{run['requests']:,} requests "
            f"({run['errors']} errors{'' if run['same_workers'] else '; WORKERS RESTARTED'})"
        )
        for worker in run["workers"]:
            start, warm, after = worker["start"], worker["warm"] or {}, worker["after"] or {}
            print(
                "  "
                + "   ".join(
                    f"{kind.upper()} {start[kind]:.1f} -> {warm.get(kind, 0):.1f} "
                    f"-> {after.get(kind, 0):.1f}"
                    for kind in ("rss", "pss", "uss")
                )
            )
    for worker in figures["gc"]:
        gens = worker["generations"]
        print(
            f"\nworker {worker['pid']}: {worker['requests']:,} requests; "
            f"{worker['frozen_objects']:,} objects frozen, {worker['tracked_objects']:,} "
            f"tracked after fork, {worker['tracked_objects_at_exit']:,} at exit"
        )
        for generation, stats in gens.items():
            print(
                f"  generation {generation}: {stats['collections']:>6} collections "
                f"({stats['in_requests']} inside requests), {stats['pause_ms']:8.1f} ms "
                f"in all, longest {stats['max_ms']:.1f} ms"
            )

    if "compare" in figures:
        print(
            "\nworker classes, every page in turn; full (generation 2) collections inside "
            "requests, all workers"
        )
        print(
            f"  {'':<26} | cached 8 connections        | cached 32 connections       "
            f"| cold 8 connections          | full collections"
        )
        print(f"  {'':<26} | {head} | {head} | {head} | count, longest ms")
        for row in figures["compare"]:
            name = (
                f"{row['worker_class']} x{row['threads']}"
                f"{'' if row['frozen'] else ', heap not frozen'}"
            )
            full = [worker["generations"]["2"] for worker in row["gc"]]
            count = sum(stats["in_requests"] for stats in full)
            longest = max((stats["max_ms"] for stats in full), default=0)
            print(
                f"  {name:<26} | {line(row['cached 8'])} | {line(row['cached 32'])} "
                f"| {line(row['cold 8'])} | {count:>5} {longest:>6.1f}"
            )

    if "growth" in figures:
        for database, grown in figures["growth"].items():
            print(
                f"\ngrowth on {database}: {grown['pages_before']} -> {grown['pages_after']} "
                f"pages, built in {grown['build_s']:.0f} s; times in ms (median)"
            )
            for name, before, after in grown["pages"]:
                before = before or {"ms": float("nan"), "queries": "-"}
                print(
                    f"  {name:<28} cold {before['ms']:>6.1f} -> {after['ms']:>6.1f}   "
                    f"queries {before['queries']:>2} -> {after['queries']:>2}"
                )
            for name, figure in grown["other"].items():
                print(f"  {name:<28} {figure['ms']:>6.1f} ms, {figure['queries']} queries")

    print("\ntargets")
    print(
        f"  cached rps at least 0.8 x the ceiling: worst {worst['ratio']:.0%}  "
        f"{mark(worst['ratio'] >= 0.8)}"
    )
    print(
        f"  cached p99 at most 25 ms at 8 connections: worst {worst['p99']:.1f}  "
        f"{mark(worst['p99'] <= 25)}"
    )
    print(
        f"  cached p99 within 3 x the ceiling's: worst {worst['p99x']:.1f} x  "
        f"{mark(worst['p99x'] <= 3)}"
    )
    print(
        f"  cold render p50 at most 10 ms: worst {worst['cold_p50']:.1f}  "
        f"{mark(worst['cold_p50'] <= 10)}"
    )
    if "growth" in figures:
        queries = [
            after["queries"]
            for grown in figures["growth"].values()
            for _name, _before, after in grown["pages"]
        ]
        flat = all(
            before is None or before["queries"] == after["queries"]
            for grown in figures["growth"].values()
            for _name, before, after in grown["pages"]
        )
        print(
            f"  at most 10 queries a page cold, flat as the site grows: most {max(queries)}  "
            f"{mark(max(queries) <= 10 and flat)}"
        )
    if "memory" in figures:
        growths = [
            w["after"]["uss"] / w["warm"]["uss"] - 1
            for w in figures["memory"]["workers"]
            if w["after"] and w["warm"]
        ]
        print(
            f"  memory flat once warm (USS within 5%) to {figures['memory']['requests']:,} "
            f"requests: most {max(growths):+.1%}  {mark(max(growths) <= 0.05)}"
        )
    print(f"\nfigures: {JSON_PATH}")


def main():
    if not shutil.which("wrk") or not shutil.which("redis-server"):
        raise SystemExit("wrk and redis-server are needed: apt-get install wrk redis-server")
    TMP.mkdir(parents=True, exist_ok=True)
    command = sys.argv[1] if len(sys.argv) > 1 else "bench"
    {"bench": bench, "loadtest": loadtest}[command]()


if __name__ == "__main__":
    main()
