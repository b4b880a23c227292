"""Liveness and readiness: is the process up, and can it reach its database and cache."""

from __future__ import annotations

import logging
import re
import threading
import uuid
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, transaction
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class NotReady(Exception):
    """A failed check whose message is safe to show in /readyz (it carries no secret)."""


class CacheNotKeeping(NotReady):
    """The cache answered without error but did not keep a value (a cache that hides errors)."""


class CacheUnreachable(NotReady):
    """The cache server did not answer a ping; the message names the error, not the password."""


# /readyz must answer within about two seconds, even when the database has stopped answering
# on a connection already open (no connect_timeout then): the server cancels the check's
# statement after STATEMENT_MS, and the view stops waiting after DEADLINE_SECONDS whatever
# happens (a frozen server or a network that drops packets cancels nothing).
STATEMENT_MS = 1500
DEADLINE_SECONDS = 2.0
_checking = threading.Lock()  # one database check in flight per process, however stuck


class DatabaseSlow(NotReady):
    """The database did not answer the readiness check in time."""


def check_database() -> None:
    if connections["default"].vendor == "sqlite":
        # A file on this machine, never frozen behind a network; WAL never blocks readers.
        _read_a_table()
        return
    if not _checking.acquire(blocking=False):
        raise DatabaseSlow("the previous database check has not finished")
    answer: Future[None] = Future()
    threading.Thread(target=_checked, args=(answer,), name="readyz-db", daemon=True).start()
    try:
        answer.result(timeout=DEADLINE_SECONDS)
    except FutureTimeout:
        raise DatabaseSlow(f"the database did not answer within {DEADLINE_SECONDS:g} s") from None


def _checked(answer: Future[None]) -> None:
    """In a thread of its own (so on a connection of its own, closed after), so the request
    stops waiting at the deadline even if this never returns."""
    try:
        _read_a_table()
        answer.set_result(None)
    except BaseException as error:  # handed to the request waiting for it
        answer.set_exception(error)
    finally:
        connections.close_all()
        _checking.release()


def _read_a_table() -> None:
    """A read of the missions' table: a lock that stops the site's pages stops this too."""
    from embassies.directory.models import Mission

    connection = connections["default"]
    with transaction.atomic(using="default"), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Ends with the transaction: the connection keeps its usual timeout.
            cursor.execute(f"SET LOCAL statement_timeout = {STATEMENT_MS}")
        table = connection.ops.quote_name(Mission._meta.db_table)
        cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608  (a model's own name)
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
