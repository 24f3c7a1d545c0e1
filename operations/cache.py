"""A Redis cache that fails open: when Redis is unreachable the site serves from the database.

Every cache in this project (the page cache, rate limits, Wagtail's own caches)
is an optimisation. Django's RedisCache raises redis.ConnectionError when Redis
is down, which would turn a cache outage into a site outage. This backend treats
any Redis connection or timeout error as a cache miss, logs a warning, and stops
trying Redis for a few seconds so that visitors do not each wait for a timeout.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Short enough that a request never waits long on a dead Redis.
DEFAULT_SOCKET_TIMEOUT = 0.25
# After a failure, skip Redis for this many seconds before trying again.
DEFAULT_RETRY_AFTER = 5.0


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis object for every cache call, which costs more
    than the network round trip of a page-cache hit. A client per connection pool is
    safe to share between threads, so each pool gets one, made once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        self.retry_after = float(options.pop("retry_after", DEFAULT_RETRY_AFTER))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._unavailable_until = 0.0

    def _attempt(self, operation, miss, *args, **kwargs):
        """Run a RedisCache operation; on a connection failure, return `miss` instead."""
        if time.monotonic() < self._unavailable_until:
            return miss
        try:
            return operation(*args, **kwargs)
        except REDIS_UNAVAILABLE as error:
            self._unavailable_until = time.monotonic() + self.retry_after
            logger.warning(
                "Redis cache unavailable (%s); serving without it for %.0f s.",
                error,
                self.retry_after,
            )
            return miss

    def is_reachable(self):
        """Whether Redis answers right now (for /readyz), ignoring the back-off."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except REDIS_UNAVAILABLE:
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        # As if the counter had just been created: a rate limit lets the
        # request through rather than failing it.
        return self._attempt(super().incr, delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self._attempt(super().clear, False)
