"""The pages app's models, one module per kind of page.

- base.py: `SitePage` (what every page shares), `PageMetadataMixin`, `LinkableItemsMixin`
- home.py, values.py, inequality.py, standard.py: one page type each
- settings.py: `SiteSettings` and `NotificationBanner`, edited under Settings

Everything is importable from `pages.models`, as migrations and other apps expect.
"""

from .base import (
    PARAGRAPH_FEATURES,
    LinkableItemsMixin,
    PageMetadataMixin,
    SitePage,
    page_search_fields,
)
from .home import HomePage
from .inequality import InequalityPage
from .settings import NotificationBanner, SiteSettings
from .standard import StandardPage
from .values import ValuesPage

__all__ = [
    "PARAGRAPH_FEATURES",
    "HomePage",
    "InequalityPage",
    "LinkableItemsMixin",
    "NotificationBanner",
    "PageMetadataMixin",
    "SitePage",
    "SiteSettings",
    "StandardPage",
    "ValuesPage",
    "page_search_fields",
]
