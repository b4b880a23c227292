"""An import as a real process, and the rows it leaves, on SQLite or on PostgreSQL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import snapshot_lines
from tests.faults.servers import EMBASSIES
from tests.helpers import migrate

ROWS = "SELECT wikidata, city, status, updated_at FROM directory_mission ORDER BY wikidata"


def small_snapshot(folder: Path, rows: int = 40) -> Path:
    small = folder / "small.csv"
    lines = snapshot_lines()[: rows + 1]
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return small


def run_import(path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`embassies import wikidata-csv PATH`, on a database migrated first (import refuses an
    unmigrated one)."""
    migrate(env)
    return subprocess.run(
        [EMBASSIES, "import", "wikidata-csv", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def start_import(path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    """A running import, returned once it has begun writing (inside its transaction)."""
    migrate(env)
    process = subprocess.Popen(
        [EMBASSIES, "import", "wikidata-csv", str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    while "writing" not in (line := process.stderr.readline()):
        assert line, "the import ended before it started writing"
    return process


def write_lock_taken(database: Path) -> bool:
    """Whether another connection holds SQLite's write lock: the import opens its transaction
    with BEGIN IMMEDIATE and holds the lock until it commits or rolls back."""
    with closing(sqlite3.connect(database, timeout=0, isolation_level=None)) as db:
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                return True
            raise
        db.execute("ROLLBACK")
        return False


def frozen_inside_transaction(
    process: subprocess.Popen[str], in_transaction: Callable[[], bool]
) -> None:
    """Return once the import is stopped (SIGSTOP) while `in_transaction()` says it holds its
    write transaction.

    A fixed sleep after "writing" let a loaded machine deliver the signal after the commit (the
    import then exited 0). Frozen with the transaction open, the import is certainly inside it
    when the signal arrives, however slowly either process runs."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the import ended before it could be interrupted"
        if in_transaction():
            process.send_signal(signal.SIGSTOP)
            os.waitid(os.P_PID, process.pid, os.WSTOPPED)  # stopped for good, not on its way
            if in_transaction():
                return
            process.send_signal(signal.SIGCONT)  # caught between transactions: try again
        time.sleep(0.002)
    pytest.fail("the import never held its write transaction")


def postgres_transaction_open(url: str) -> bool:
    """Whether another session of this database is inside a transaction (the import's own
    database: nothing else connects to it)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        found = db.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
        ).fetchone()
    return bool(found and found[0])


def sqlite_rows(database: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database)) as db:
        return db.execute(ROWS).fetchall()


def sqlite_integrity(database: Path) -> str:
    with closing(sqlite3.connect(database)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def postgres_server_url() -> str:
    """The suite's PostgreSQL server, without a database name."""
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    return f"postgres://{user}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"


def postgres_rows(url: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(url) as db:
        return db.execute(ROWS).fetchall()
