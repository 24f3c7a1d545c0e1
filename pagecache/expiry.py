"""When must a cached page expire, whatever else happens?

Content that changes by the clock, not by an editor's action (a notification
banner with start and end times), registers a function here. It receives the
request and the current time and returns the datetime of its next change, or
None. A cached page never outlives the earliest of these.
"""

import logging

from django.apps import apps

logger = logging.getLogger(__name__)

_next_change_functions = []


def register_next_change(function):
    """Register `function(request, now) -> datetime | None`. Usable as a decorator."""
    _next_change_functions.append(function)
    return function


def next_change(request, now):
    changes = []
    for function in _next_change_functions:
        try:
            change = function(request, now)
        except Exception:
            # A broken hook must not break the page; it only shortens nothing.
            logger.exception("Page cache expiry hook %r failed", function)
            continue
        if change is not None and change > now:
            changes.append(change)
    return min(changes, default=None)


@register_next_change
def notification_banner_next_change(request, now):
    """The site-wide banner's next start or end, when the banner model exists."""
    try:
        banner_model = apps.get_model("pages", "NotificationBanner")
    except LookupError:
        return None
    banner = banner_model.for_request(request)
    return banner.next_change(now)
