"""Imports write history: every mission added, changed or closed gets a row naming the import;
a re-import of the same file writes none; every mission the source lists counts as verified."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from embassies.directory.editing import edit_mission
from embassies.directory.models import ImportRun, Mission, Status
from tests.conftest import snapshot_lines

pytestmark = pytest.mark.django_db

HEADER, *LINES = snapshot_lines()
CANADA_MOSCOW = next(line for line in LINES if line.rstrip(";").endswith("/Q4374011"))
FIRST_FIVE = LINES[:5]
WEBSITE_COLUMN = 13


def import_lines(
    tmp_path: Path, lines: list[str], name: str = "missions.csv", as_of: str = ""
) -> ImportRun:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    call_command("import", "wikidata-csv", str(path), *(["--as-of", as_of] if as_of else []))
    return ImportRun.objects.latest()


def with_website(line: str, website: str) -> str:
    fields = line.split(";")
    fields[WEBSITE_COLUMN] = website
    return ";".join(fields)


def reasons(mission: Mission) -> list[tuple[str, str | None]]:
    """(type, reason) of each version, oldest first."""
    rows = mission.history.order_by("history_date", "history_id")
    return list(rows.values_list("history_type", "history_change_reason"))


def test_an_import_writes_one_history_row_per_added_mission(tmp_path: Path) -> None:
    run = import_lines(tmp_path, [*FIRST_FIVE, CANADA_MOSCOW])
    assert run.added == 6
    history = Mission.history.model.objects.all()
    assert history.count() == 6
    assert set(history.values_list("history_change_reason", "history_type")) == {
        ("import wikidata-csv", "+")
    }
    canada = Mission.objects.get(wikidata="Q4374011")
    version = canada.history.get()
    assert (version.city, version.address, version.phones) == (
        canada.city,
        canada.address,
        canada.phones,
    )
    assert version.history_date == run.started_at and version.history_user is None


def test_a_reimport_with_no_change_writes_no_history(tmp_path: Path) -> None:
    import_lines(tmp_path, [*FIRST_FIVE, CANADA_MOSCOW])
    before = Mission.history.model.objects.count()
    run = import_lines(tmp_path, [*FIRST_FIVE, CANADA_MOSCOW], "again.csv")
    assert (run.added, run.updated, run.unchanged) == (0, 0, 6)
    assert Mission.history.model.objects.count() == before


def test_a_changed_row_is_recorded_with_its_new_values(tmp_path: Path) -> None:
    import_lines(tmp_path, [CANADA_MOSCOW])
    run = import_lines(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/ru")], "b.csv")
    assert run.updated == 1
    canada = Mission.objects.get(wikidata="Q4374011")
    assert reasons(canada) == [("+", "import wikidata-csv"), ("~", "import wikidata-csv")]
    assert canada.history.latest().website == "https://ca.example/ru"


def test_closing_an_absent_mission_is_recorded(tmp_path: Path) -> None:
    import_lines(tmp_path, [*FIRST_FIVE, CANADA_MOSCOW])
    run = import_lines(tmp_path, FIRST_FIVE, "without-canada.csv")
    assert run.closed == 1
    canada = Mission.objects.get(wikidata="Q4374011")
    assert canada.status == Status.CLOSED
    assert reasons(canada)[-1] == ("~", "import wikidata-csv: no longer listed")
    closing = canada.history.latest()
    assert closing.status == Status.CLOSED and closing.history_date == run.started_at


def test_every_listed_mission_is_verified_as_of_the_date_of_the_data(tmp_path: Path) -> None:
    first = import_lines(tmp_path, [*FIRST_FIVE, CANADA_MOSCOW], as_of="2024-05-01")
    assert first.data_as_of == datetime(2024, 5, 1, tzinfo=UTC)
    assert set(Mission.objects.values_list("verified_at", flat=True)) == {first.data_as_of}
    second = import_lines(tmp_path, FIRST_FIVE, "without-canada.csv", as_of="2025-02-01")
    listed = Mission.objects.exclude(wikidata="Q4374011")
    assert set(listed.values_list("verified_at", flat=True)) == {second.data_as_of}
    # The absent mission was last confirmed by the data of the first file.
    assert Mission.objects.get(wikidata="Q4374011").verified_at == first.data_as_of


def test_an_editors_edit_verifies_the_mission_now_and_is_recorded(tmp_path: Path) -> None:
    import_lines(tmp_path, [CANADA_MOSCOW])
    canada = Mission.objects.get(wikidata="Q4374011")
    before = timezone.now()
    edit_mission(canada, {"city": "Moskva"}, "editor:api:newsroom")
    canada.refresh_from_db()
    assert canada.verified_at is not None and canada.verified_at >= before
    assert canada.verified_at - before < timedelta(minutes=1)
    assert reasons(canada)[-1] == ("~", "edited by editor:api:newsroom")


def test_sync_names_itself_in_the_history(tmp_path: Path) -> None:
    """The reason is the caller's: the live sync and other importers name their own runs."""
    from embassies.directory.importing.apply import apply
    from embassies.directory.importing.prepare import prepare
    from embassies.directory.importing.wikidata_csv import read_rows

    path = tmp_path / "one.csv"
    path.write_text("\n".join([HEADER, CANADA_MOSCOW]) + "\n", encoding="utf-8")
    apply(prepare(read_rows(path)), "wikidata", "endpoint", reason="sync wikidata")
    assert reasons(Mission.objects.get()) == [("+", "sync wikidata")]
