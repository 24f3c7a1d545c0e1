"""The production settings, serving static files from the source folders.

The two-app-server test uses it so that it needs no `collectstatic` run;
everything else (database, Redis cache, page cache, security) is production's.
"""

from islington.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
