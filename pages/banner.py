"""The notification banner's part in the page cache: it goes on and off by the clock.

Editors' changes to the banner empty the page cache like any other setting; its
start and end times do not, so a cached page must not be kept past the next one.
"""

from .models import NotificationBanner


def notification_banner_next_change(request, now):
    """The next moment the site's banner appears or disappears, or None."""
    return NotificationBanner.for_request(request).next_change(now)
