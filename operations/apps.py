from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site in public: security headers, health checks, outages, backups."""

    name = "operations"
    verbose_name = "Site operations"
