"""Health checks for the load balancer and the monitoring, and uploaded images."""

import posixpath

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """The process is alive and answering. Touches neither the database nor the cache."""
    return JsonResponse({"status": "ok"})


def database_is_reachable():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_is_reachable():
    # One round trip. Redis errors are misses (IGNORE_EXCEPTIONS): what was set is not read back.
    cache.set("readyz-probe", "ok", 10)
    return cache.get("readyz-probe") == "ok"


@never_cache
@require_safe
def readyz(request):
    """Ready for traffic: the database and the cache both answer; 503 otherwise."""
    checks = {
        "database": "ok" if database_is_reachable() else "unavailable",
        "cache": "ok" if cache_is_reachable() else "unavailable",
    }
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


# Wagtail stores documents here (AbstractDocument.file's upload_to).
DOCUMENTS_FOLDER = "documents"


def serve_media_file(request, path):
    """Uploaded images from MEDIA_ROOT, when the app serves media itself.

    Never documents, however the path is spelled (`./documents/`, `images/../documents/`):
    they are served only by Wagtail's view at /documents/<id>/<name>, which checks the
    collection's privacy and adds the documents' Content-Security-Policy.
    """
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised.split("/")[0] == DOCUMENTS_FOLDER:
        raise Http404("Documents are served at /documents/.")
    return static.serve(request, normalised, document_root=settings.MEDIA_ROOT)
