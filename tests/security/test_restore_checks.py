"""`embassies restore` checks a backup's content before replacing anything: a backup missing a
table its own migrations create, or recording migrations this code does not know, is refused
in one line and the database is left as it was; an older but complete backup is restored and
then migrated forward."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from embassies.ops.backup import _pg_run
from tests.factories import make_country, make_mission
from tests.ops.test_backup_restore import fingerprint

# Rows committed for real: backup and restore work outside the test's transaction.
pytestmark = pytest.mark.django_db(transaction=True)

# A migration nothing depends on, which creates one table: what an older backup lacks.
LATEST = ("alerts", "0004_advisory_source")
LATEST_TABLE = "alerts_advisorysource"
SQLITE = connection.vendor == "sqlite"


@pytest.fixture(autouse=True)
def directory() -> None:
    make_mission(city="Moscow", wikidata="Q1Mos")
    make_mission(sending=make_country("FR", "France"), city="Yekaterinburg")


def _sqlite_backup(path: Path, *statements: str) -> Path:
    """A real backup, then edited the way a damaged or foreign one would be."""
    call_command("backup", str(path), stdout=io.StringIO())
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)
    return path


def without_table(path: Path, table: str) -> Path:
    if SQLITE:
        return _sqlite_backup(path, f"DROP TABLE {table}")
    _pg_run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={path}",
            f"--exclude-table=public.{table}",
        ]
    )
    return path


def with_unknown_migration(path: Path) -> Path:
    row = "INSERT INTO django_migrations (app, name, applied) VALUES ('directory', '0999_future', "
    if SQLITE:
        return _sqlite_backup(path, row + "'2030-01-01')")
    with connection.cursor() as cursor:
        cursor.execute(row + "now())")
    try:
        call_command("backup", str(path), stdout=io.StringIO())
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM django_migrations WHERE name = '0999_future'")
    return path


def with_migrations_deleted(path: Path) -> Path:
    if SQLITE:
        return _sqlite_backup(path, "DELETE FROM django_migrations")
    _pg_run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={path}",
            "--exclude-table-data=public.django_migrations",
        ]
    )
    return path


def refused(path: Path) -> str:
    before = fingerprint()
    with pytest.raises(CommandError) as error:
        call_command("restore", str(path), stdout=io.StringIO())
    assert fingerprint() == before
    message = str(error.value)
    assert "\n" not in message and message.endswith("nothing was changed.")
    return message


def test_a_backup_missing_a_table_is_refused(tmp_path: Path) -> None:
    message = refused(without_table(tmp_path / "no-facts.backup", "directory_statusfact"))
    assert "lacks tables its migrations create (directory_statusfact)" in message


def test_a_backup_missing_a_table_nothing_else_needs_is_refused_too(tmp_path: Path) -> None:
    assert "(corrections_correction)" in refused(
        without_table(tmp_path / "no-corrections.backup", "corrections_correction")
    )


def test_a_backup_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    message = refused(with_unknown_migration(tmp_path / "newer.backup"))
    assert "records migrations this version does not know (directory.0999_future)" in message


def test_a_backup_with_no_migration_record_is_refused(tmp_path: Path) -> None:
    message = refused(with_migrations_deleted(tmp_path / "unrecorded.backup"))
    assert "records no migrations (django_migrations is empty)" in message


def test_a_backup_missing_a_migration_its_others_need_is_refused(tmp_path: Path) -> None:
    if not SQLITE:
        pytest.skip("edits the backup file in place: SQLite only")
    delete = "DELETE FROM django_migrations WHERE app = 'countries' AND name = '0001_initial'"
    message = refused(_sqlite_backup(tmp_path / "gap.backup", delete))
    assert "but not countries.0001_initial, which it depends on" in message


def test_an_older_complete_backup_is_restored_then_migrated(tmp_path: Path) -> None:
    """Made before the latest migration: its table is missing, and so is its record."""
    path = tmp_path / "older.backup"
    forget = "DELETE FROM django_migrations WHERE app = 'alerts' AND name = '0004_advisory_source'"
    if SQLITE:
        _sqlite_backup(path, forget, f"DROP TABLE {LATEST_TABLE}")
    else:
        insert = "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, now())"
        with connection.cursor() as cursor:
            cursor.execute(forget)
        try:
            without_table(path, LATEST_TABLE)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(insert, LATEST)
    before = fingerprint()
    out = io.StringIO()
    call_command("restore", str(path), stdout=out)
    assert "predates 1 migration(s) of this version: run `embassies migrate`" in out.getvalue()
    if SQLITE:
        assert LATEST_TABLE not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert LATEST_TABLE in connection.introspection.table_names()
    assert fingerprint() == before
