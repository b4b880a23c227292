"""Liveness and readiness: is the process up, and can it reach its database and cache."""

from __future__ import annotations

import logging
import re
import uuid
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class NotReady(Exception):
    """A failed check whose message is safe to show in /readyz (it carries no secret)."""


class CacheNotKeeping(NotReady):
    """The cache answered without error but did not keep a value (a cache that hides errors)."""


class CacheUnreachable(NotReady):
    """The cache server did not answer a ping; the message names the error, not the password."""


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    cache = caches["default"]
    _ping(cache)
    # A value of our own, read back: proves the cache both stores and answers.
    key, value = "ops:readyz", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise CacheNotKeeping("the cache did not keep a value")


def _ping(cache: BaseCache) -> None:
    """Ask a Redis server directly: the site's cache (lib/cache.py) answers a server it cannot
    reach as a miss, which would only show here as a value not kept."""
    if not isinstance(cache, RedisCache):
        return  # the per-process memory cache has no server to reach
    # Django's own client of the backend (its stubs leave _cache and _servers out): the same
    # pool, URL and socket timeouts as every cache call, without lib/cache.py's guard.
    try:
        cache._cache.get_client(write=True).ping()  # type: ignore[attr-defined]
    except (RedisError, OSError) as error:
        servers: list[str] = cache._servers  # type: ignore[attr-defined]
        detail = _without_secrets(f"{type(error).__name__}: {error}", servers)
        raise CacheUnreachable(f"the cache cannot be reached ({detail})") from error


def _without_secrets(text: str, servers: list[str]) -> str:
    """The text less any URL's user and password, and less the servers' passwords anywhere."""
    text = re.sub(r"(\w+://)[^@/\s]*@", r"\1", text)
    for server in servers:
        password = urlsplit(server).password
        if password:
            text = text.replace(password, "***")
    return text


CHECKS = {"database": check_database, "cache": check_cache}


def readiness() -> dict[str, str]:
    """{"database": "ok", "cache": "error: the cache cannot be reached (ConnectionError: ...)"}:
    every check, each on its own. Other errors show only their class: a database's message
    may name users or hosts, and the log keeps the detail."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except NotReady as error:
            log.warning("readiness: %s failed: %s", name, error)
            results[name] = f"error: {error}"
        except Exception as error:  # any failure means not ready
            log.warning("readiness: %s failed: %s", name, error)
            results[name] = f"error: {type(error).__name__}"
    return results
