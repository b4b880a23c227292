"""Imports record the date of their data, not of the import: a snapshot of November 2022
imported today still says November 2022, an undated file confirms nothing, and an older file
never makes a mission look less recently confirmed than it was."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from embassies.bundled import as_of_for_file, dataset, snapshot
from embassies.directory.importing.wikidata_csv import read_bytes
from embassies.directory.models import ImportRun, Mission
from tests.corrections.builders import CANADA_MOSCOW, HEADER, import_rows

pytestmark = pytest.mark.django_db

NOV_2022 = datetime(2022, 11, 16, tzinfo=UTC)


def _csv(tmp_path: Path, name: str = "missions.csv") -> Path:
    path = tmp_path / name
    path.write_text(f"{HEADER}\n{CANADA_MOSCOW}\n", encoding="utf-8")
    return path


def test_the_shipped_snapshot_is_known_by_its_content_wherever_it_lies(tmp_path: Path) -> None:
    content = read_bytes(snapshot())
    copy = tmp_path / "any-name.csv"
    copy.write_bytes(content)
    assert as_of_for_file(copy, content) == dataset("wikidata").as_of == date(2022, 11, 16)
    assert as_of_for_file(copy, content + b"\n") is None  # one byte more: another file


@pytest.mark.snapshot
def test_importing_the_snapshot_today_says_november_2022(client: Client) -> None:
    call_command("import", "wikidata-csv", str(snapshot()))
    run = ImportRun.objects.latest()
    assert run.data_as_of == NOV_2022 and run.finished_at.year >= 2026
    canada = Mission.objects.get(wikidata="Q4374011")
    assert canada.verified_at == NOV_2022
    version = canada.history.latest("history_date")
    assert version.history_change_reason == "import wikidata-csv (data as of 2022-11-16)"
    page = client.get(canada.get_absolute_url()).content.decode()
    assert "These details come from Wikidata as of November 2022" in page
    assert "16 November 2022" in page
    history = client.get(f"{canada.get_absolute_url()}history/").content.decode()
    assert "Wikidata, as of" in history and "data as of" in history
    assert "16 November 2022" in history


def test_a_file_of_unknown_date_confirms_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_rows(tmp_path, [CANADA_MOSCOW])
    assert "date of this file's data is unknown" in capsys.readouterr().err
    assert ImportRun.objects.latest().data_as_of is None
    assert Mission.objects.get(wikidata="Q4374011").verified_at is None


def test_as_of_dates_a_file_and_an_older_file_never_moves_the_date_back(tmp_path: Path) -> None:
    path = _csv(tmp_path)
    call_command("import", "wikidata-csv", str(path), "--as-of", "2025-03-01")
    march = datetime(2025, 3, 1, tzinfo=UTC)
    assert Mission.objects.get(wikidata="Q4374011").verified_at == march
    call_command("import", "wikidata-csv", str(path), "--as-of", "2023-01-01")
    assert Mission.objects.get(wikidata="Q4374011").verified_at == march
    assert ImportRun.objects.latest().data_as_of == datetime(2023, 1, 1, tzinfo=UTC)


def test_a_snapshot_written_by_sync_carries_its_date_beside_it(tmp_path: Path) -> None:
    path = _csv(tmp_path, "refreshed.csv")
    digest = __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    note = {"as_of": "2026-11-30T08:00:00+00:00", "sha256": digest, "source": "x"}
    (tmp_path / "refreshed.csv.json").write_text(json.dumps(note), encoding="utf-8")
    call_command("import", "wikidata-csv", str(path))
    assert Mission.objects.get().verified_at == datetime(2026, 11, 30, tzinfo=UTC)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # edited since
    assert as_of_for_file(path, path.read_bytes()) is None


@pytest.mark.parametrize("value", ["16/11/2022", "2022-13-01", "yesterday"])
def test_a_malformed_as_of_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(CommandError, match="not a date like 2022-11-16"):
        call_command("import", "wikidata-csv", str(_csv(tmp_path)), "--as-of", value)
    assert not Mission.objects.exists()


def test_as_of_is_refused_for_files_that_carry_their_own_dates(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="--as-of applies to wikidata-csv only"):
        call_command("import", "emergency-csv", str(tmp_path / "x.csv"), "--as-of", "2024-01-01")
