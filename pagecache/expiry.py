"""When must a cached page expire, whatever else happens?

Content that changes by the clock, not by an editor's action, registers a
function here from its own app (the notification banner: pages/banner.py). It
receives the request and the current time and returns the datetime of its next
change, or None. A cached page never outlives the earliest of these.
"""

import logging

logger = logging.getLogger(__name__)

_next_change_functions = []


def register_next_change(function):
    """Register `function(request, now) -> datetime | None`, once (an app's ready() may
    run again when tests change INSTALLED_APPS). Usable as a decorator."""
    if function not in _next_change_functions:
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
