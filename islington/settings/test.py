"""The test suite: fast, isolated, and on whichever database DATABASE_URL names."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-suite-only"  # noqa: S105 - signs nothing outside the tests
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate limits are counted in the database table, as on a site without Redis.
CACHES["ratelimit"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": RATE_LIMIT_CACHE_TABLE,  # noqa: F405
}
MEDIA_ROOT = BASE_DIR / ".tmp" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://localhost"
WHITENOISE_USE_FINDERS = True
# Image renditions are made at publish time in production; only the tests that
# check this turn it on, as encoding AVIF takes seconds.
PAGE_CACHE_WARM_RENDITIONS = False
# In one process every change is seen at once; a long interval keeps query counts
# independent of how fast the machine runs (tests/test_page_cache.py sets it to 0).
PAGE_CACHE_VERSION_CHECK_INTERVAL = 60
