"""A Redis cache that never takes the site down with it.

When Redis is unreachable every operation answers as a miss (get: the default, add: False,
set: nothing stored) after a short socket timeout, and the error is logged. After a failure
the process leaves Redis alone for a few seconds, so a dead server costs one timeout per
process per pause rather than one per cache call. Pages then render uncached and the API's
rate limit counts nothing: slower, never down.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

T = TypeVar("T")
PAUSE_SECONDS = 5.0
SOCKET_SECONDS = 0.5


class ReusedClients(RedisCacheClient):
    """One Redis client per connection pool instead of a new one per cache call: setting up a
    client registers some 170 reply handlers, a fifth of the cost of a cached page. A client
    is safe to share between threads; its pool gives each call a connection."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[Any, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # Django's own get_client, less the new client: its stubs leave these two out.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(pool)
        if client is None:
            made = self._client(connection_pool=pool)  # type: ignore[attr-defined]
            client = self._clients.setdefault(pool, made)
        return client


class TolerantRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = {"socket_connect_timeout": SOCKET_SECONDS, "socket_timeout": SOCKET_SECONDS}
        params = {**params, "OPTIONS": {**options, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = ReusedClients
        self._down_until = 0.0

    def _guard(self, call: Callable[[], T], fallback: T) -> T:
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return call()
        except (RedisError, OSError) as error:
            self._down_until = time.monotonic() + PAUSE_SECONDS
            log.warning("cache unavailable, serving uncached for %.0f s: %s", PAUSE_SECONDS, error)
            return fallback

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._guard(
            lambda: super(TolerantRedisCache, self).add(key, value, timeout, version), False
        )

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self._guard(
            lambda: super(TolerantRedisCache, self).get(key, default, version), default
        )

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        self._guard(lambda: super(TolerantRedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        return self._guard(
            lambda: super(TolerantRedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key: Any, version: Any = None) -> bool:
        return self._guard(lambda: super(TolerantRedisCache, self).delete(key, version), False)

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        return self._guard(lambda: super(TolerantRedisCache, self).get_many(keys, version), {})

    def has_key(self, key: Any, version: Any = None) -> bool:
        return self._guard(lambda: super(TolerantRedisCache, self).has_key(key, version), False)

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        # A missing key still raises ValueError, as in every Django cache; an outage answers 0.
        return self._guard(lambda: super(TolerantRedisCache, self).incr(key, delta, version), 0)

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> list[Any]:
        return self._guard(
            lambda: super(TolerantRedisCache, self).set_many(data, timeout, version), []
        )

    def delete_many(self, keys: Any, version: Any = None) -> None:
        self._guard(lambda: super(TolerantRedisCache, self).delete_many(keys, version), None)

    def clear(self) -> None:
        self._guard(lambda: super(TolerantRedisCache, self).clear(), None)

    def count_in_window(self, key: str, seconds: int) -> tuple[int, int] | None:
        """Count one more in the window `key` (opened by its first count, `seconds` long): the
        count so far and the seconds the window has left. One round trip (a transaction of
        INCR, EXPIRE NX and TTL) where add-then-incr took two; None while Redis is away."""
        return self._guard(lambda: self._count_in_window(key, seconds), None)

    def _count_in_window(self, key: str, seconds: int) -> tuple[int, int]:
        name = self.make_and_validate_key(key)
        # Django's client for this key (its stubs leave `_cache` out).
        client = self._cache.get_client(name, write=True)  # type: ignore[attr-defined]
        with client.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, seconds, nx=True)
            pipe.ttl(name)
            count, _, left = pipe.execute()
        return int(count), max(0, int(left))
