"""An import as a real process, and the rows it leaves, on SQLite or on PostgreSQL."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.conf import settings

from tests.conftest import SNAPSHOT
from tests.faults.servers import EMBASSIES

ROWS = "SELECT wikidata, city, status, updated_at FROM directory_mission ORDER BY wikidata"


def small_snapshot(folder: Path, rows: int = 40) -> Path:
    small = folder / "small.csv"
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()[: rows + 1]
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return small


def run_import(path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EMBASSIES, "import", "wikidata-csv", str(path)],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def start_import(path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    """A running import, returned once it has begun writing (inside its transaction)."""
    process = subprocess.Popen(
        [EMBASSIES, "import", "wikidata-csv", str(path)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stderr is not None
    while "writing" not in (line := process.stderr.readline()):
        assert line, "the import ended before it started writing"
    return process


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
