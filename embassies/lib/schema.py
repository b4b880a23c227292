"""Commands never migrate behind the operator's back: a database with migrations pending is
refused, and the operator runs `embassies migrate` (docs/deploy.md: migrating is a deliberate
step, taken before a new version serves, never by whichever command happens to start first)."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext


def pending_migrations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """ "app.name" of every migration not applied yet to the database `using`."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def require_migrated(using: str = DEFAULT_DB_ALIAS) -> None:
    """Refuse (CommandError: one line, exit status 1) while any migration is pending."""
    if pending_migrations(using):
        raise CommandError(gettext("the database is not up to date: run `embassies migrate` first"))
