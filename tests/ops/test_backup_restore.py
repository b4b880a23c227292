"""`embassies backup` and `embassies restore`: restore-and-compare, and wrong files refused."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

# Rows committed for real: backup and restore work outside the test's transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def fingerprint() -> dict[str, object]:
    """Row counts of every table, and a checksum of every mission row, field by field."""
    counts = {m._meta.label: m.objects.count() for m in apps.get_models()}
    digest = hashlib.sha256()
    for row in Mission.objects.order_by("pk").values():
        digest.update(json.dumps(row, sort_keys=True, default=str).encode())
    return {"counts": counts, "missions": digest.hexdigest()}


@pytest.fixture
def directory() -> None:
    france = make_country("FR", "France")
    for city in ("Moscow", "Vladivostok", "Saint Petersburg"):
        make_mission(city=city, wikidata=f"Q{len(city)}{city[:3]}", address=f"1 Main St, {city}")
    make_mission(sending=france, city="Yekaterinburg", phones=["+7 343 000"])


def _backup(path: Path) -> str:
    out = io.StringIO()
    call_command("backup", str(path), stdout=out)
    return out.getvalue()


def test_restore_brings_back_exactly_what_was_backed_up(directory: None, tmp_path: Path) -> None:
    before = fingerprint()
    path = tmp_path / "embassies.backup"
    assert "Backup written to" in _backup(path)
    assert not list(tmp_path.glob(".*partial")), "no half-written file is left"

    Mission.objects.filter(city="Moscow").delete()
    Mission.objects.filter(city="Vladivostok").update(city="Changed", address="")
    make_mission(city="Kazan")
    assert fingerprint() != before

    call_command("restore", str(path), stdout=io.StringIO())
    assert fingerprint() == before


@pytest.mark.parametrize(
    "content",
    [b"", b"mission;city\nQ1;Moscow\n", b"PGDMP-not-really" + b"\0" * 64, b"\x00\xff" * 500],
    ids=["empty", "csv", "fake-pg-dump", "binary"],
)
def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    directory: None, tmp_path: Path, content: bytes
) -> None:
    before = fingerprint()
    path = tmp_path / "not-a-backup"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("restore", str(path))
    assert fingerprint() == before


def test_another_sqlite_database_is_refused(directory: None, tmp_path: Path) -> None:
    before = fingerprint()
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    message = "not an Embassies backup" if connection.vendor == "sqlite" else "sqlite backup but"
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(other))
    assert fingerprint() == before


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "nowhere.backup"))
