"""Settings shared by every environment.

All configuration that differs between machines is read from the environment
here, in one place; dev.py, test.py and production.py only change defaults.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "pages",
    "priorities",
    "partnership",
    "images",
    "feedback",  # issue 3: "Is this page useful?"
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "islington.urls"
WSGI_APPLICATION = "islington.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Issue 3: on PostgreSQL, Wagtail's database search backend uses full-text search,
# whose fields and indexes need django.contrib.postgres (Django's check postgres.E005).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

# A shared cache when REDIS_URL is set, so several app servers agree;
# otherwise a cache local to the process.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "islington",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page editors post many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: SMTP in production, configured from the environment.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "about-us@islington.gov.uk")

# Wagtail
WAGTAIL_SITE_NAME = "Islington Council: About us"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Full-page cache and CDN (issue 6) --------------------------------------
# Anonymous visitors' pages are served from the default cache (Redis when
# REDIS_URL is set) until anything shown on them changes; see pagecache/.
INSTALLED_APPS += ["pagecache", "wagtail.contrib.frontend_cache"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "pagecache.middleware.PageCacheMiddleware",
)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))  # seconds, at most
PAGE_CACHE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_CACHE_BROWSER_MAX_AGE", "60"))
PAGE_CACHE_CDN_MAX_AGE = int(os.environ.get("PAGE_CACHE_CDN_MAX_AGE", "300"))
# Render each page once when it is published, so that image renditions are never
# made in a visitor's request (the test settings turn it off to save time).
PAGE_CACHE_WARM_RENDITIONS = env_bool("PAGE_CACHE_WARM_RENDITIONS", True)
# Only `make bench` turns this on, to time cold renders with a request header.
PAGE_CACHE_ALLOW_BYPASS_HEADER = env_bool("PAGE_CACHE_ALLOW_BYPASS_HEADER", False)

# Purge a CDN in front of the site when content changes, once its variables are set.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID", ""),
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # A Varnish or nginx cache that accepts HTTP PURGE requests.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

# --- Editorial: roles, workflow, content reviews and admin sign-in security (issue 4) ---
INSTALLED_APPS += [  # noqa: F405
    "editorial",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
MIDDLEWARE += [  # noqa: F405
    # After AuthenticationMiddleware: marks request.user as verified by a one-time code.
    "django_otp.middleware.OTPMiddleware",
    "editorial.middleware.AdminTwoFactorMiddleware",
    # Last, as django-axes requires: turns a lock-out into the friendly lock-out page.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "editorial.backends.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins: after 5 failures for one username from one address, that pair
# waits 15 minutes. It is a cool-off, never a permanent lock-out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "editorial/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
# Two-factor sign-in (TOTP): any admin user may turn it on from their account menu;
# when required, every admin user must set it up before using the admin.
WAGTAIL_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = "Islington Council About us"
# Image forms in the admin say that alt text is required unless the image is decorative.
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.AltTextImageForm"
# Renaming a slug or moving a page leaves a permanent redirect from the old address.
WAGTAILREDIRECTS_AUTO_CREATE = True
# --- End of editorial block ---

# Sharing and reuse by partners (issue 5): the sitemap, the read-only JSON API
# at /api/v2/ with CORS on /api/ only, and the Fairer Together partners.
INSTALLED_APPS += [
    "sharing",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
]
# CORS headers must be added before CommonMiddleware can answer (for example with a redirect).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "corsheaders.middleware.CorsMiddleware",
)
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = True
