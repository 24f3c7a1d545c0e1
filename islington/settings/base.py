"""Settings shared by every environment.

All configuration that differs between machines is read from the environment
here, in one place; dev.py, test.py and production.py only change defaults.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import get_language_info
from redis.backoff import NoBackoff
from redis.retry import Retry

from operations.cache import QuickToGiveUpConnection

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
    # This project's apps: one per content domain, then site-wide concerns.
    "pages",
    "priorities",
    "partnership",
    "images",
    "feedback",
    "editorial",
    "sharing",
    "pagecache",
    "operations",
    "seed",
    "languages",
    # Wagtail
    "wagtail.api.v2",
    "wagtail.contrib.frontend_cache",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: the admin's Locales menu
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    # Third parties
    "axes",
    "corsheaders",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rest_framework",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Outermost: adds any security header missing from a response made above the
    # header middlewares below (the 400 for an unknown Host, an error in the page cache).
    "operations.middleware.SecurityHeadersBackstopMiddleware",
    # Then: a hit is answered from the cache alone, with the headers (security
    # headers included) the page was stored with: no session, no user, no
    # database, so cached pages are still served while the database is down...
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response the cache does not answer.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "operations.middleware.AdminContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ...and, with the database down, every other request gets a friendly 503 page.
    "operations.middleware.DatabaseOutageMiddleware",
    # Wagtail's Site, home page and route, from each process's memory (queries otherwise).
    "pages.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of a response comes from its address (/tr/…), never the browser.
    "languages.middleware.LanguageFromAddressMiddleware",
    # CORS headers (on /api/ only) must be added before CommonMiddleware can answer.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Marks request.user as verified by a one-time code, then sends admin users
    # who must set up two-factor sign-in to do so.
    "django_otp.middleware.OTPMiddleware",
    "editorial.middleware.AdminTwoFactorMiddleware",
    # Last, as django-axes requires: turns a sign-in lock-out into its page.
    "axes.middleware.AxesMiddleware",
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
# On PostgreSQL, Wagtail's database search backend uses full-text search, whose
# fields and indexes need django.contrib.postgres (Django's check postgres.E005).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

# A shared cache when REDIS_URL is set, so several app servers agree;
# otherwise a cache local to the process.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Every cache here (pages, rate limits, Wagtail's own) is an optimisation: a Redis error
# is a cache miss (django-redis's IGNORE_EXCEPTIONS) and the site serves from the
# database. No request waits long on a dead Redis: short timeouts, no retries, and no
# new attempt for a few seconds after a failure (operations/cache.py).
REDIS_CACHE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.25,
    "SOCKET_TIMEOUT": 0.25,
    "CONNECTION_POOL_KWARGS": {
        "connection_class": QuickToGiveUpConnection,
        "retry": Retry(NoBackoff(), retries=0),
    },
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "islington",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate limits must be counted once for every worker and server: in Redis when there
# is one, else in a database table (created by feedback's migrations; Django's
# `createcachetable` makes it too). Never a cache local to one process.
RATE_LIMIT_CACHE_TABLE = "islington_rate_limits"
CACHES["ratelimit"] = (
    {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "islington-ratelimit",
        "OPTIONS": REDIS_CACHE_OPTIONS,
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": RATE_LIMIT_CACHE_TABLE,
    }
)
# How many proxies or load balancers of our own stand in front of the app servers.
# Each appends the address it was reached from to X-Forwarded-For; rate limits key on
# the entry our outermost proxy wrote. 0 (the default): the header is not trusted.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Languages (issue 14). English is the source; each other language is a translation
# an editor makes in the admin (wagtail-localize). English addresses have no prefix
# (`/priorities/…`), every other language lives under its code (`/tr/priorities/…`).
# The council chooses the list: CONTENT_LANGUAGES="en-gb,tr,bn,so,ar" (codes Django
# knows; the first is the source). A page's language comes from its address alone,
# never from the browser's Accept-Language (see languages/middleware.py).
CONTENT_LANGUAGES = env_list("CONTENT_LANGUAGES", "en-gb,tr,bn,so,ar")
LANGUAGE_CODE = CONTENT_LANGUAGES[0]
# Each language named in itself, as the language switcher shows it. Django knows
# most names; it has no Somali, and calls en-gb "British English".
LOCAL_LANGUAGE_NAMES = {"en-gb": "English", "en": "English", "so": "Soomaali", "ar": "العربية"}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    (code, LOCAL_LANGUAGE_NAMES.get(code) or get_language_info(code)["name_local"])
    for code in CONTENT_LANGUAGES
]
# Django serves a language only when a catalogue exists for it; locale/ holds the
# site's own (Somali's, which neither Django nor Wagtail ships, among them).
LOCALE_PATHS = [BASE_DIR / "locale"]
# "Translate this page" makes a draft, even of a live English page: a translation
# goes live only through the approval workflow (editorial/translations.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

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
# The site's public address: absolute links in pages, the sitemap, the feed, the API
# and e-mails name it, and `load_seed_content` gives it to the default Site. In
# production set WAGTAILADMIN_BASE_URL; local runs (`make run`, `make serve`) serve
# on 127.0.0.1:$PORT and default to that.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or (
    f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
)
# The username that owns the seeded pages (and so receives their review reminders);
# pages stay without an owner while there is no such user.
SEED_PAGE_OWNER = os.environ.get("SEED_PAGE_OWNER", "")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Full-page cache: anonymous visitors' pages are served from the default cache
# (Redis when REDIS_URL is set) until anything shown on them changes; see pagecache/.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))  # seconds, at most
# Each process reads the content version from the database again once its reading is
# this old (seconds): a change by any process shows everywhere within a second.
PAGE_CACHE_VERSION_CHECK_INTERVAL = float(
    os.environ.get("PAGE_CACHE_VERSION_CHECK_INTERVAL", "0.5")
)
# Never through the page cache: the liveness check must not touch the database.
PAGE_CACHE_EXCLUDED_PATHS = ("/healthz", "/readyz")
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

# Admin sign-in: throttled by django-axes, with optional (or required) two-factor codes.
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

# For partners: the read-only JSON API at /api/v2/, readable from any origin.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = True
# How long partners' software and shared caches may reuse an API answer (seconds);
# after that, a request with If-None-Match gets a 304 when nothing changed.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
# The feed's entry ids are `tag:` URIs (RFC 4151) under this authority: a domain the
# council held on that date. Never change it: partners' readers know entries by id.
FEED_TAG_AUTHORITY = os.environ.get("FEED_TAG_AUTHORITY", "islington.gov.uk,2025")

# Hardening for the public internet.
# Content-Security-Policy (Django's built-in support). Public pages load scripts,
# styles, images and fonts from this site only, with no inline code at all; data
# blocks such as <script type="application/ld+json"> are not executed, so they
# need no exception. Other origins (an embed provider, an API client) are added
# to the directive that needs them.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The Wagtail admin's scripts and templates use inline code, blob: and data: URLs,
# and frame their own preview; only responses under this prefix get the looser policy.
ADMIN_CSP_PATH_PREFIX = "/admin/"
ADMIN_SECURE_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Wagtail's preview of a page: the public policy, but the admin (this origin) may
# frame it in the live preview panel beside the editor. Nothing else may frame any page.
PREVIEW_SECURE_CSP = {**SECURE_CSP, "frame-ancestors": [CSP.SELF]}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Features no page of this site uses; an empty allow-list denies them to every origin.
# django-permissions-policy sends it (and refuses a feature name it does not know).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Cookies only exist for editors signed in to the admin. JavaScript never reads
# them (the admin takes its CSRF token from the page).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Uploads: sizes and types an editor may upload. SVG is refused: it can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # about 8000 x 5000; larger is a decompression bomb
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents go through Wagtail's serve view, which adds `Content-Security-Policy:
# default-src 'none'`, nosniff and a Content-Disposition, rather than straight from MEDIA_URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# No editor avatars from gravatar.com: it would learn who edits the site, and the
# admin's policy allows images from this site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# With the database down, the 503 page asks browsers and crawlers to come back after this.
DATABASE_OUTAGE_RETRY_AFTER = 120
