"""gunicorn settings for production (Dockerfile, docker-compose.yml), `make serve` and `make bench`.

Every value can be overridden from the environment, so one file serves them all.
"""

import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads let a worker keep connections alive (a CDN or proxy reuses them) and
# overlap waiting for the database or Redis.
worker_class = "gthread"
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
