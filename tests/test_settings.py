"""Configuration comes from the environment, and production refuses to guess a secret."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


# Variables that settings read: the tests name each one they set.
SETTINGS_VARIABLES = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "PORT", "WAGTAILADMIN")
SUMMARY = (
    "s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND']"
)


def load_settings(module, printed=SUMMARY, **env):
    """Import a settings module in a fresh interpreter, as the server would, and print
    what `printed` names of it."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(SETTINGS_VARIABLES)
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print({printed})"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def setting(module, printed, **env):
    result = load_settings(module, printed, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings("islington.settings.production")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key_and_debug_off():
    result = load_settings(
        "islington.settings.production",
        DJANGO_SECRET_KEY="a-long-random-value-for-this-test-only",
        DJANGO_ALLOWED_HOSTS="about.islington.gov.uk, www.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False ['about.islington.gov.uk', 'www.example.org']")


def test_database_and_cache_come_from_the_environment():
    result = load_settings(
        "islington.settings.production",
        DJANGO_SECRET_KEY="a-long-random-value-for-this-test-only",
        DATABASE_URL="postgres://council@db.internal:5432/about",
        REDIS_URL="redis://cache.internal:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert "django_redis.cache.RedisCache" in result.stdout


def test_development_defaults_to_sqlite_in_the_project():
    result = load_settings("islington.settings.dev")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True ")
    assert "django.db.backends.sqlite3" in result.stdout


def rate_limit_store(**env):
    return setting(
        "islington.settings.production",
        "s.CACHES['ratelimit']['BACKEND']",
        DJANGO_SECRET_KEY="a-long-random-value-for-this-test-only",
        **env,
    )


def test_rate_limits_are_counted_where_every_server_sees_them():
    # Never a cache local to one process, with or without Redis.
    assert rate_limit_store() == "django.core.cache.backends.db.DatabaseCache"
    assert rate_limit_store(REDIS_URL="redis://cache.internal:6379/0") == (
        "django_redis.cache.RedisCache"
    )


def base_url(**env):
    return setting("islington.settings.dev", "s.WAGTAILADMIN_BASE_URL", **env)


def test_local_runs_name_the_port_they_serve_on():
    assert base_url() == "http://127.0.0.1:8000"
    assert base_url(PORT="8221") == "http://127.0.0.1:8221"
    # Production names its public address, whatever port the server listens on.
    assert base_url(PORT="8221", WAGTAILADMIN_BASE_URL="https://about.islington.gov.uk") == (
        "https://about.islington.gov.uk"
    )
