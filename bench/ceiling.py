"""The framework's ceiling: a minimal Django app returning the site's own bytes.

`make bench` serves it with the same gunicorn.conf.py as the site, so the
ratio between the two is the cost of everything our site adds per request.
BENCH_CEILING_PAGES names a JSON file mapping each path to the page's HTML.
"""

import json
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import Http404, HttpResponse
from django.urls import path

with open(os.environ["BENCH_CEILING_PAGES"], encoding="utf-8") as pages_file:
    PAGES = {url: html.encode() for url, html in json.load(pages_file).items()}


def page(request, url=""):
    body = PAGES.get(request.path)
    if body is None:
        raise Http404
    return HttpResponse(body, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page), path("<path:url>", page)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-ceiling-only",  # noqa: S106 - serves fixed bytes on loopback
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
application = get_wsgi_application()
