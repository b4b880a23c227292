"""Liveness and readiness: is the process up, and can it reach its database and cache."""

from __future__ import annotations

import logging
import uuid

from django.core.cache import caches
from django.db import connections

log = logging.getLogger(__name__)


class CacheNotKeeping(Exception):
    """The cache answered without error but did not keep a value (a cache that hides errors)."""


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    cache = caches["default"]
    # A value of our own, read back: proves the cache both stores and answers.
    key, value = "ops:readyz", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise CacheNotKeeping("the cache did not keep a value")


CHECKS = {"database": check_database, "cache": check_cache}


def readiness() -> dict[str, str]:
    """{"database": "ok", "cache": "error: ConnectionError"}: every check, each on its own."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:  # any failure means not ready; the log keeps the detail
            log.warning("readiness: %s failed: %s", name, error)
            results[name] = f"error: {type(error).__name__}"
    return results
