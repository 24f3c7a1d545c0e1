# Production image: Python 3.12 slim, a non-root user, static files collected at build time.
FROM python:3.12-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=islington.settings.production \
    PORT=8000

RUN useradd --create-home --uid 1000 wagtail

WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=wagtail:wagtail . .
RUN mkdir -p /app/media && chown wagtail:wagtail /app/media

USER wagtail

# The key only satisfies the settings check while collecting static files; the
# container refuses to start unless the real DJANGO_SECRET_KEY is provided.
RUN DJANGO_SECRET_KEY=collectstatic-build-step-only python manage.py collectstatic --noinput --clear

EXPOSE 8000

# Migrations run on each start so a single `docker run` gives a working site;
# in larger deployments run them once, as a release step.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn --config gunicorn.conf.py islington.wsgi"]
