"""Read replicas: reads go to the "replica" database when DATABASE_REPLICA_URL sets one.

Writes, and reads inside a transaction (which must see their own writes), go to "default".
A replica lags its primary by a moment; pages read from it, editors' changes never do.

A change invalidates cached pages at once (web/pagecache/), and a copy rendered from a replica
that has not yet replayed the change would be kept, and served as fresh, until it expires.
So for REPLICA_MAX_LAG seconds after a change, pages rendered to fill the cache read the
primary (`from_primary`); the replica must replay within that time (docs/deploy.md, section 6).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import Model

REPLICA = "replica"
_primary_only: contextvars.ContextVar[bool] = contextvars.ContextVar("primary_only", default=False)


@contextmanager
def from_primary() -> Iterator[None]:
    """Reads inside this block go to the primary, as writes do."""
    token = _primary_only.set(True)
    try:
        yield
    finally:
        _primary_only.reset(token)


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        if (
            REPLICA not in settings.DATABASES
            or _primary_only.get()
            or connections["default"].in_atomic_block
        ):
            return "default"
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        # The replica holds the same rows as the primary: objects from either may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        # The replica copies the primary's schema by replication, never by migrate.
        return db == "default"
