# Two commands for a newcomer: `make run` and `make test`. Both build .venv first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
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

.PHONY: help run test serve lint format superuser seed clean loadtest

help:
	@echo "make run        install, migrate, load the content and serve on http://127.0.0.1:$(PORT)"
	@echo "make test       install and run the whole test suite"
	@echo "make superuser  create an admin login for http://127.0.0.1:$(PORT)/admin/"
	@echo "make serve      the production settings under gunicorn, for a local trial"
	@echo "make lint       ruff and djhtml checks"
	@echo "make loadtest   drive the production server with wrk; report errors and p99 latency"

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
	$(SERVE_ENV) $(VENV)/bin/gunicorn islington.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

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

# Load test (issue 7): the production server on loopback under wrk, for a bounded time.
# LOADTEST_DURATION (s, default 60), LOADTEST_CONNECTIONS (32), LOADTEST_PORT (8089),
# LOADTEST_WORKERS (gunicorn, 2) x LOADTEST_GUNICORN_THREADS (4); DATABASE_URL and
# REDIS_URL as for `make serve`.
loadtest: $(STAMP)
	@mkdir -p .tmp
	$(SERVE_ENV) loadtest/run.sh
