"""Consistent backups while the site keeps serving, and restores that refuse a wrong file.

SQLite: the online backup API copies the live database inside one read transaction (WAL lets
the site go on reading and writing meanwhile). PostgreSQL: `pg_dump --format=custom` and
`pg_restore --clean` in one transaction (both programs must be installed).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# A file is one of our backups only if it holds these tables.
REQUIRED_TABLES = {"django_migrations", "directory_mission", "countries_country"}


class BackupError(Exception):
    """A backup or restore that could not be done; nothing was changed."""


def vendor() -> str:
    return connections["default"].vendor


def backup(path: Path) -> None:
    """Written beside PATH and renamed when complete: a failure never leaves half a file."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        if vendor() == "sqlite":
            _sqlite_backup(tmp)
        elif vendor() == "postgresql":
            _pg_run(["pg_dump", "--format=custom", "--no-owner", f"--file={tmp}"])
        else:
            raise BackupError(f"Backups of {vendor()} databases are not supported.")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def restore(path: Path) -> None:
    """Replace the database's content with the backup's, after checking it is one."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    head = path.open("rb").read(16)
    kind = (
        "sqlite"
        if head.startswith(SQLITE_MAGIC)
        else "postgresql"
        if head.startswith(PGDUMP_MAGIC)
        else None
    )
    if kind is None:
        raise BackupError(
            f"{path} is not a backup made by `embassies backup`; nothing was changed."
        )
    if kind != vendor():
        raise BackupError(
            f"{path} is a {kind} backup but the database is {vendor()}; nothing was changed."
        )
    if kind == "sqlite":
        _sqlite_restore(path)
    else:
        _pg_check(path)
        _pg_run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--exit-on-error", str(path)], dbname_flag=True)  # fmt: skip


def _raw_sqlite() -> sqlite3.Connection:
    connection = connections["default"]
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _sqlite_backup(tmp: Path) -> None:
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(tmp)
    try:
        # pages=-1: the whole database in one step, so one consistent snapshot.
        _raw_sqlite().backup(target, pages=-1)
    finally:
        target.close()


def _sqlite_restore(path: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _sqlite_check(source, path)
        source.backup(_raw_sqlite(), pages=-1)
    finally:
        source.close()


def _sqlite_check(source: sqlite3.Connection, path: Path) -> None:
    try:
        tables = {
            row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        healthy = source.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as error:
        raise BackupError(
            f"{path} is not a readable SQLite database ({error}); nothing was changed."
        ) from None
    if not tables >= REQUIRED_TABLES:
        raise BackupError(
            f"{path} is a SQLite database but not an Embassies backup; nothing was changed."
        )
    if not healthy:
        raise BackupError(f"{path} is damaged (integrity check failed); nothing was changed.")


def _pg_check(path: Path) -> None:
    try:
        listing = _pg_run(["pg_restore", "--list", str(path)], connect=False)
    except BackupError as error:
        raise BackupError(
            f"{path} is not a readable PostgreSQL backup; nothing was changed ({error})."
        ) from None
    if not all(f"TABLE public {table} " in listing for table in REQUIRED_TABLES):
        raise BackupError(
            f"{path} is a PostgreSQL dump but not an Embassies backup; nothing was changed."
        )


def _pg_run(args: list[str], connect: bool = True, dbname_flag: bool = False) -> str:
    settings: dict[str, Any] = connections["default"].settings_dict
    env = dict(os.environ)
    if connect:
        options = {"PGHOST": settings.get("HOST"), "PGPORT": settings.get("PORT"),
                   "PGUSER": settings.get("USER"), "PGPASSWORD": settings.get("PASSWORD"),
                   "PGDATABASE": settings.get("NAME")}  # fmt: skip
        env.update({key: str(value) for key, value in options.items() if value})
        if dbname_flag:
            args = [*args[:1], f"--dbname={settings['NAME']}", *args[1:]]
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(
            f"{args[0]} is not installed (PostgreSQL's client programs are needed)."
        ) from None
    if done.returncode != 0:
        raise BackupError(f"{args[0]} failed: {done.stderr.strip()[:2000]}")
    return done.stdout
