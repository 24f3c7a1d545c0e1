"""gunicorn settings for production (Dockerfile, docker-compose.yml), `make serve` and `make bench`.

Every value can be overridden from the environment, so one file serves them all.
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads let a worker keep connections alive (a CDN or proxy reuses them), keep a slow
# client from holding a whole worker, and overlap waiting for the database or Redis.
# `make bench` compares sync and 1, 2 and 4 threads; the override is for that.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = 5
# Recycle workers now and then, so slow leaks never add up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = 1000
timeout = 30
graceful_timeout = 30
# Load the app before forking: workers share its memory and start at once.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The control socket lives at one path per user: two servers on one host (make
# bench, the tests) would fight over it, and nothing here uses it.
control_socket_disable = True

# Freeze the preloaded heap (Django, Wagtail, our code) just before each fork, so the
# garbage collector never walks its ~160,000 objects again: a full collection of them
# took 75-110 ms of CPU inside requests (bench/counts.py). Workers also keep sharing
# its memory pages, which a walk would copy (it writes to every object it visits).
# GUNICORN_GC_FREEZE=false is only for measuring the difference (`make bench`).
# The collection thresholds stay Python's: with the heap frozen, 1,000 cold renders set
# off about 400 young collections and 0-3 full ones, each walking only ~30,000 objects.
FREEZE_HEAP = os.environ.get("GUNICORN_GC_FREEZE", "true").lower() not in ("0", "false", "no")
# `make bench` counts collections inside requests; production never sets this.
GC_STATS = os.environ.get("BENCH_GC_STATS", "")


def pre_fork(server, worker):
    if FREEZE_HEAP:
        gc.freeze()


if GC_STATS:

    def post_fork(server, worker):
        from bench import gcstats

        gcstats.install()

    def pre_request(worker, req):
        from bench import gcstats

        gcstats.request_started()

    def post_request(worker, req, environ, resp):
        from bench import gcstats

        gcstats.request_finished()

    def worker_exit(server, worker):
        from bench import gcstats

        gcstats.write(GC_STATS)
