"""Every project app says whether its content appears on public pages.

The page cache empties itself when a model of an app that says yes changes
(signals.py). An app that said nothing would serve stale pages silently, so
`manage.py check` (and so every test run and deploy) refuses it.
"""

import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import checks

DECLARATION = "affects_public_pages"


def is_project_app(app_config):
    """An app of this project: inside BASE_DIR, but not an installed package (the
    virtualenv may live inside the project folder too)."""
    path = Path(app_config.path).resolve()
    installed = Path(sys.prefix).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR).resolve()) and not path.is_relative_to(
        installed
    )


def declares_public_content(app_config):
    return isinstance(getattr(app_config, DECLARATION, None), bool)


@checks.register()
def check_apps_declare_public_content(app_configs=None, **kwargs):
    errors = []
    for app_config in app_configs or apps.get_app_configs():
        if not is_project_app(app_config) or not list(app_config.get_models()):
            continue
        if declares_public_content(app_config):
            continue
        errors.append(
            checks.Error(
                f"The app '{app_config.label}' does not say whether its content appears "
                "on public pages.",
                hint=(
                    f"Set `{DECLARATION} = True` on {type(app_config).__name__} if anything "
                    "it stores can show on a public page (the page cache is then emptied "
                    f"when it changes), or `{DECLARATION} = False` if nothing can."
                ),
                obj=app_config,
                id="pagecache.E001",
            )
        )
    return errors
