"""Consistent backups while the site keeps serving, and restores that refuse a wrong file.

SQLite: the online backup API copies the live database inside one read transaction (WAL lets
the site go on reading and writing meanwhile). PostgreSQL: `pg_dump --format=custom` and
`pg_restore --clean` in one transaction (both programs must be installed).

Before a restore replaces anything, the backup's own record of its migrations is checked
against this code: it must record none this code does not know, and hold every table those
migrations create. A backup from an older version passes (`embassies migrate` then brings it
up to date); one missing a table would otherwise restore "fine" and break every page after.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from django.db import connections
from django.db.migrations.loader import MigrationLoader

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# A file is one of our backups only if it holds these tables.
REQUIRED_TABLES = {"django_migrations", "directory_mission", "countries_country"}
# A table in `pg_restore --list`: "215; 1259 16385 TABLE public directory_mission postgres".
PG_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE public (\S+) ", re.MULTILINE)
Migration = tuple[str, str]  # (app label, name), as django_migrations records it


class BackupError(Exception):
    """A backup or restore that could not be done; nothing was changed."""


def vendor() -> str:
    return connections["default"].vendor


def backup(path: Path) -> None:
    """Written beside PATH and renamed when complete: a failure never leaves half a file."""
    _check_target(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        if vendor() == "sqlite":
            _sqlite_backup(tmp)
        elif vendor() == "postgresql":
            _pg_run(["pg_dump", "--format=custom", "--no-owner", f"--file={tmp}"])
        else:
            raise BackupError(f"Backups of {vendor()} databases are not supported.")
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as error:
        # A full disk, a folder that refuses the file: said in one line, not a traceback.
        raise BackupError(f"{path}: the backup could not be written ({error}).") from None
    finally:
        tmp.unlink(missing_ok=True)


def _check_target(path: Path) -> None:
    """The usual mistakes with PATH, named before any work is done."""
    folder = path.parent
    if not folder.exists():
        raise BackupError(f"{path}: the folder {folder} does not exist; nothing was written.")
    if not folder.is_dir():
        raise BackupError(f"{path}: {folder} is not a folder; nothing was written.")
    if path.is_dir():
        raise BackupError(f"{path} is a folder; give the backup file's name.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(f"{path}: the folder {folder} is not writable; nothing was written.")


def restore(path: Path) -> int:
    """Replace the database's content with the backup's, after checking it is one; returns how
    many of this code's migrations the backup predates (`embassies migrate` applies them)."""
    kind = _kind(path)
    if kind == "sqlite":
        return _sqlite_restore(path)
    tables, applied = _pg_contents(path)
    pending = check_contents(path, tables, applied)
    _pg_replace(path, tables)
    return pending


def _pg_replace(path: Path, tables: set[str]) -> None:
    """The dump's SQL run in one transaction, after dropping the tables it does not hold: those
    of newer migrations, which `pg_restore --clean` would leave behind for `migrate` to trip
    on when the backup is older than the code."""
    extra = sorted(set(connections["default"].introspection.table_names()) - tables)
    drops = "".join(f'DROP TABLE IF EXISTS public."{name}" CASCADE;' for name in extra)
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "restore.sql"
        _pg_run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", f"--file={script}", str(path)],
            connect=False,
        )
        _pg_run(
            [
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                *(["--command", drops] if drops else []),
                f"--file={script}",
            ]
        )


def _kind(path: Path) -> str:
    """The backup's kind, "sqlite" or "postgresql" as this database is; BackupError otherwise."""
    if path.is_dir():
        raise BackupError(f"{path} is a folder, not a backup file; nothing was changed.")
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except OSError as error:
        raise BackupError(f"{path} cannot be read ({error}); nothing was changed.") from None
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
    return kind


def check_contents(path: Path, tables: set[str], applied: set[Migration]) -> int:
    """Refuse a backup that records migrations this code does not know, or lacks a table its
    recorded migrations create; returns how many of this code's migrations it predates."""
    if not tables >= REQUIRED_TABLES:
        kind = "SQLite database" if vendor() == "sqlite" else "PostgreSQL dump"
        raise BackupError(f"{path} is a {kind} but not an Embassies backup; nothing was changed.")
    if not applied:
        raise BackupError(
            f"{path} records no migrations (django_migrations is empty), so its "
            "tables cannot be checked; nothing was changed."
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    applied = _squashed(loader, applied)
    unknown = sorted(applied - set(loader.graph.nodes))
    if unknown:
        raise BackupError(
            f"{path} records migrations this version does not know ({_names(unknown)}): it "
            "comes from a newer version; nothing was changed."
        )
    _check_history(path, loader, applied)
    missing = sorted(_tables_of(loader, applied) - tables)
    if missing:
        raise BackupError(
            f"{path} lacks tables its migrations create ({', '.join(missing)}): it is "
            "incomplete or was edited; nothing was changed."
        )
    return len(set(loader.graph.nodes) - applied)


def _names(migrations: list[Migration]) -> str:
    return ", ".join(f"{app}.{name}" for app, name in migrations)


def _squashed(loader: MigrationLoader, applied: set[Migration]) -> set[Migration]:
    """A squashed migration counts as applied when all it replaces are (as `migrate` sees it)."""
    for key, replaced in loader.replacements.items():
        if all(old in applied for old in replaced.replaces):
            applied = (applied - set(replaced.replaces)) | {key}
    return applied


def _check_history(path: Path, loader: MigrationLoader, applied: set[Migration]) -> None:
    """Every recorded migration's dependencies recorded too: `migrate` refuses anything else."""
    for key in sorted(applied):
        gaps = [p.key for p in loader.graph.node_map[key].parents if p.key not in applied]
        if gaps:
            raise BackupError(
                f"{path} records {_names([key])} but not {_names(sorted(gaps))}, which it "
                "depends on; nothing was changed."
            )


def _tables_of(loader: MigrationLoader, applied: set[Migration]) -> set[str]:
    """The tables the recorded migrations create, from the models they leave behind."""
    if not applied:
        return set()
    state = loader.graph.make_state(nodes=sorted(applied), at_end=True)
    return {
        model._meta.db_table
        for model in state.apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    }


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


def _sqlite_restore(path: Path) -> int:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pending = check_contents(path, *_sqlite_contents(source, path))
        source.backup(_raw_sqlite(), pages=-1)
    finally:
        source.close()
    return pending


def _sqlite_contents(source: sqlite3.Connection, path: Path) -> tuple[set[str], set[Migration]]:
    """The backup's tables and recorded migrations, once it is known to be sound."""
    try:
        tables = {
            row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        healthy = source.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        recorded = "SELECT app, name FROM django_migrations"
        applied = set(source.execute(recorded)) if "django_migrations" in tables else set()
    except sqlite3.DatabaseError as error:
        raise BackupError(
            f"{path} is not a readable SQLite database ({error}); nothing was changed."
        ) from None
    if not healthy:
        raise BackupError(f"{path} is damaged (integrity check failed); nothing was changed.")
    return tables, applied


def _pg_contents(path: Path) -> tuple[set[str], set[Migration]]:
    """The dump's tables (its table of contents) and the rows of its django_migrations."""
    try:
        listing = _pg_run(["pg_restore", "--list", str(path)], connect=False)
    except BackupError as error:
        raise BackupError(
            f"{path} is not a readable PostgreSQL backup; nothing was changed ({error})."
        ) from None
    tables = set(PG_TABLE.findall(listing))
    if "django_migrations" not in tables:
        return tables, set()
    data = _pg_run(
        ["pg_restore", "--data-only", "--table=django_migrations", "--file=-", str(path)],
        connect=False,
    )
    return tables, _copied_migrations(data)


def _copied_migrations(sql: str) -> set[Migration]:
    """(app, name) of each row of the COPY block pg_restore writes for django_migrations."""
    head = re.search(r"^COPY \S+ \(([^)]*)\) FROM stdin;\n", sql, re.MULTILINE)
    if head is None:
        return set()
    columns = [name.strip().strip('"') for name in head.group(1).split(",")]
    app, name = columns.index("app"), columns.index("name")
    rows = sql[head.end() :].split("\n\\.\n", 1)[0].splitlines()
    return {(values[app], values[name]) for values in (row.split("\t") for row in rows)}


def _pg_run(args: list[str], connect: bool = True) -> str:
    settings: dict[str, Any] = connections["default"].settings_dict
    env = dict(os.environ)
    if connect:
        options = {
            "PGHOST": settings.get("HOST"),
            "PGPORT": settings.get("PORT"),
            "PGUSER": settings.get("USER"),
            "PGPASSWORD": settings.get("PASSWORD"),
            "PGDATABASE": settings.get("NAME"),
        }
        env.update({key: str(value) for key, value in options.items() if value})
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(
            f"{args[0]} is not installed (PostgreSQL's client programs are needed)."
        ) from None
    if done.returncode != 0:
        said = " ".join(done.stderr.split())  # one line, as every message of these commands
        raise BackupError(f"{args[0]} failed: {said[:2000]}")
    return done.stdout
