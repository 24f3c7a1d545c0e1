"""Redis connections that give up quickly, for the django-redis cache (settings: CACHES).

django-redis turns Redis errors into cache misses (IGNORE_EXCEPTIONS), so the site
serves from the database while Redis is down. What it does not do is stop trying:
each cache call would wait for its own connection attempt, and a request makes
several. Kept here because neither django-redis nor redis-py backs off: after a
failed connection, every connection of this process fails at once for
RETRY_AFTER seconds, with one warning, instead of each visitor waiting on a timeout.
"""

import logging
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# After a failure, skip Redis for this many seconds before trying again.
RETRY_AFTER = 5.0


class QuickToGiveUpConnection(Connection):
    # One deadline for the whole process: every pool and thread learns of the outage at once.
    unavailable_until = 0.0

    def connect_check_health(self, *args, **kwargs):
        if time.monotonic() < QuickToGiveUpConnection.unavailable_until:
            raise RedisConnectionError("Redis was unreachable moments ago; not trying yet.")
        try:
            return super().connect_check_health(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            QuickToGiveUpConnection.unavailable_until = time.monotonic() + RETRY_AFTER
            logger.warning(
                "Redis cache unavailable (%s); serving without it for %.0f s.", error, RETRY_AFTER
            )
            raise
