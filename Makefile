# Two commands for a newcomer: `make run` and `make test`. Both build .venv first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
# Every command below sees PORT, so the address the site names (WAGTAILADMIN_BASE_URL's
# default, and the Site that load_seed_content sets up) is the one it is served at.
export PORT
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

# pyenv's Python where present (it honours .python-version), else python3.12, else python3.
PYTHON ?= $(shell \
	if command -v pyenv >/dev/null 2>&1 && pyenv which python3 >/dev/null 2>&1; then pyenv which python3; \
	elif command -v python3.12 >/dev/null 2>&1; then command -v python3.12; \
	elif command -v python3 >/dev/null 2>&1; then command -v python3; fi)

# Local trial of the production settings: a throwaway key per start, plain HTTP on loopback.
SERVE_ENV := DJANGO_SETTINGS_MODULE=islington.settings.production \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-false}" \
	DJANGO_SECURE_COOKIES="$${DJANGO_SECURE_COOKIES:-false}"

.PHONY: help run test serve lint format superuser seed clean audit users scheduler loadtest bench

help:
	@echo "make help       this list"
	@echo "make run        install, migrate, load the content and serve on http://127.0.0.1:$(PORT)"
	@echo "make test       install and run the whole test suite"
	@echo "make superuser  create an admin login for http://127.0.0.1:$(PORT)/admin/"
	@echo "make seed       load the content again (never overwrites editors' changes)"
	@echo "make users      create the demo logins 'editor' and 'approver'"
	@echo "make scheduler  publish and unpublish scheduled pages every minute"
	@echo "make serve      the production settings under gunicorn, for a local trial"
	@echo "make lint       ruff and djhtml checks"
	@echo "make format     fix what ruff and djhtml can fix"
	@echo "make audit      Lighthouse (mobile) scores and page weights, production settings"
	@echo "make bench      speed, latency, memory and growth, beside the framework's ceiling"
	@echo "make loadtest   32 connections for 60 s under wrk; errors, p50, p99 and max latency"
	@echo "make clean      remove .venv, staticfiles, caches and .tmp"

$(STAMP): requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python found. Install Python 3.12 or newer (for example with pyenv) and try again." >&2; exit 1; fi
	@if ! "$(PYTHON)" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "$(PYTHON) is Python $$("$(PYTHON)" -c 'import platform; print(platform.python_version())'); this project needs 3.12 or newer." >&2; \
		echo "Install Python 3.12 (for example 'pyenv install 3.12') or run with PYTHON=/path/to/python3.12." >&2; exit 1; fi
	"$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seed_content
	@echo
	@echo "  The site:  http://127.0.0.1:$(PORT)/"
	@echo "  The admin: http://127.0.0.1:$(PORT)/admin/  (no login yet? run 'make superuser' in another terminal)"
	@echo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(PY) -m pytest

superuser: $(STAMP)
	$(PY) manage.py createsuperuser

seed: $(STAMP)
	$(PY) manage.py load_seed_content

serve: $(STAMP)
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py load_seed_content
	@echo "Serving the production settings on http://127.0.0.1:$(PORT)/"
	$(SERVE_ENV) $(VENV)/bin/gunicorn --config gunicorn.conf.py --bind 127.0.0.1:$(PORT) islington.wsgi

# Audit: Lighthouse 12 from npm (installed into .tmp/audit), not part of CI.
AUDIT_PORT ?= 8390
audit: $(STAMP)
	$(SERVE_ENV) AUDIT_PORT=$(AUDIT_PORT) CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) scripts/audit.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .tmp

# Benchmark and load test: one tool, bench/run.py (see docs/operations.md, "Measuring").
# Scratch PostgreSQL databases islington_bench(_growth) (BENCH_DATABASE_URL) and a
# redis-server of its own; BENCH_QUICK=1 for a smoke run of a few seconds.
BENCH_TOOLS := command -v wrk >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 || \
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk redis-server >/dev/null; }

bench: $(STAMP)
	@$(BENCH_TOOLS)
	$(PY) bench/run.py bench

# Editorial: demo logins and the scheduler loop.
# Passwords come from DEMO_EDITOR_PASSWORD / DEMO_APPROVER_PASSWORD, or are printed.
users: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py create_demo_users

# The same loop the Docker `scheduler` process runs: go-live and expiry dates take effect.
scheduler: $(STAMP)
	sh -c 'while true; do $(PY) manage.py publish_scheduled; sleep 60; done'

# 32 connections for 60 s over every public page (LOADTEST_CONNECTIONS, LOADTEST_DURATION).
loadtest: $(STAMP)
	@$(BENCH_TOOLS)
	$(PY) bench/run.py loadtest
