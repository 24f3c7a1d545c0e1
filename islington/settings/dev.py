"""Local development: the default for manage.py."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_list

DEBUG = True
# Development only: this key signs nothing that leaves the developer's machine.
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Serve static files straight from the source folders, as they change.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
