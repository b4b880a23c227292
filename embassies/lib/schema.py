"""Commands never upgrade a database behind the operator's back: a database with some
migrations applied and others pending is refused, and the operator runs `embassies migrate`
(docs/deploy.md: upgrading is a deliberate step, taken once per release before the new version
serves, never by whichever command happens to start first).

A fresh install is not an upgrade: a database on which no migration was ever applied gets its
schema from the first command that needs it, so that `embassies serve` or `embassies import`
in a new clone works in one command, as the command-line contract promises.
"""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext


def pending_migrations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """ "app.name" of every migration not applied yet to the database `using`."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def fresh(using: str = DEFAULT_DB_ALIAS) -> bool:
    """No migration was ever applied here: a new install, with nothing to upgrade."""
    return not MigrationRecorder(connections[using]).applied_migrations()


def schema_ready(using: str = DEFAULT_DB_ALIAS) -> None:
    """Build the schema of a fresh install; refuse (CommandError: one line, exit status 1) a
    database that is behind, while any migration is pending."""
    if not pending_migrations(using):
        return
    if fresh(using):
        call_command("migrate", database=using, interactive=False, verbosity=0)
        return
    raise CommandError(gettext("the database is not up to date: run `embassies migrate` first"))
