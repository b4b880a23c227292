"""An import killed outright (SIGKILL: no handler, no clean-up) in the middle of writing: the
previous data is intact and the next import succeeds. SQLite always; PostgreSQL too when the
suite runs on it (in a database of its own on the same server)."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import SNAPSHOT
from tests.faults.imports import (
    frozen_inside_transaction,
    postgres_rows,
    postgres_server_url,
    postgres_transaction_open,
    run_import,
    small_snapshot,
    sqlite_integrity,
    sqlite_rows,
    start_import,
    write_lock_taken,
)
from tests.faults.servers import base_env

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def kill_midway(env: dict[str, str], in_transaction: Callable[[], bool]) -> None:
    """SIGKILL while the import is certainly inside its transaction, however loaded the
    machine: frozen there first, then killed."""
    process = start_import(SNAPSHOT, env)
    frozen_inside_transaction(process, in_transaction)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL


@pytest.mark.snapshot
def test_sqlite_import_killed_midway(tmp_path: Path) -> None:
    env = base_env(tmp_path)
    database = tmp_path / "embassies.sqlite3"
    assert run_import(small_snapshot(tmp_path), env).returncode == 0
    before = sqlite_rows(database)
    assert len(before) == 40

    kill_midway(env, lambda: write_lock_taken(database))
    assert sqlite_integrity(database) == "ok"
    assert sqlite_rows(database) == before

    again = run_import(SNAPSHOT, env)
    assert again.returncode == 0, again.stderr[-2000:]
    assert len(sqlite_rows(database)) > 9000
    assert sqlite_integrity(database) == "ok"


@pytest.fixture
def own_postgres_database() -> Iterator[str]:
    import psycopg

    name = f"embassies_fault_kill_{os.getpid()}"
    server = postgres_server_url()
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.snapshot
@pytest.mark.skipif(not ON_POSTGRES, reason="runs when the suite runs on PostgreSQL")
def test_postgresql_import_killed_midway(tmp_path: Path, own_postgres_database: str) -> None:
    env = base_env(tmp_path, DATABASE_URL=own_postgres_database)
    assert run_import(small_snapshot(tmp_path), env).returncode == 0
    before = postgres_rows(own_postgres_database)
    assert len(before) == 40

    kill_midway(env, lambda: postgres_transaction_open(own_postgres_database))
    assert postgres_rows(own_postgres_database) == before

    again = run_import(SNAPSHOT, env)
    assert again.returncode == 0, again.stderr[-2000:]
    assert len(postgres_rows(own_postgres_database)) > 9000
