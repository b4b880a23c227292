"""Read replicas: reads go to the "replica" database when DATABASE_REPLICA_URL sets one.

Writes, and reads inside a transaction (which must see their own writes), go to "default".
A replica lags its primary by a moment; pages read from it, editors' changes never do.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import Model

REPLICA = "replica"


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        if REPLICA not in settings.DATABASES or connections["default"].in_atomic_block:
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
