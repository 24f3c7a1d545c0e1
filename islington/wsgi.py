import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "islington.settings.production")

django_application = get_wsgi_application()

from pagecache.middleware import serve_cached_pages  # noqa: E402 (needs Django set up)

# A hit on a page in the process's memory is answered before Django builds its request.
application = serve_cached_pages(django_application)
