"""`embassies import wikidata-csv` on small files: bad formats refused, editors' work kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from embassies.directory.models import FieldConflict, ImportRun, Mission, Status
from tests.conftest import snapshot_lines

pytestmark = pytest.mark.django_db

HEADER, *LINES = snapshot_lines()
CANADA_MOSCOW = next(line for line in LINES if line.rstrip(";").endswith("/Q4374011"))
FIRST_TEN = LINES[:10]


def write(tmp_path: Path, lines: list[str], name: str = "missions.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def import_file(path: Path) -> ImportRun:
    call_command("import", "wikidata-csv", str(path))
    return ImportRun.objects.latest()


def test_small_file_imports_with_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = import_file(write(tmp_path, [*FIRST_TEN, CANADA_MOSCOW]))
    assert run.added == 11 and Mission.objects.count() == 11
    assert "added 11, updated 0, unchanged 0, closed 0, rejected 0" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        (
            lambda: "\n".join(
                [HEADER.replace(";", ","), *[x.replace(";", ",") for x in FIRST_TEN]]
            ),
            "utf-8",
            "separated by commas",
        ),
        (
            lambda: "\n".join([HEADER.replace("latitude;", ""), *FIRST_TEN]),
            "utf-8",
            "missing columns: latitude",
        ),
        (lambda: "\n".join([HEADER, *FIRST_TEN, "Côte d'Ivoire;x"]), "latin-1", "not UTF-8"),
        (lambda: "", "utf-8", "empty"),
    ],
    ids=["comma-delimited", "missing-column", "latin-1", "empty"],
)
def test_bad_file_is_refused_and_changes_nothing(
    tmp_path: Path, content: object, encoding: str, message: str
) -> None:
    import_file(write(tmp_path, [CANADA_MOSCOW]))
    before = list(Mission.objects.values_list("id", "updated_at"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content().encode(encoding))  # type: ignore[operator]
    with pytest.raises(CommandError, match=message):
        call_command("import", "wikidata-csv", str(bad))
    assert list(Mission.objects.values_list("id", "updated_at")) == before
    assert ImportRun.objects.count() == 1


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", "wikidata-csv", str(tmp_path / "nope.csv"))


def test_short_row_is_rejected_with_its_reason(tmp_path: Path) -> None:
    run = import_file(
        write(tmp_path, [*FIRST_TEN[:3], "Canada;http://www.wikidata.org/entity/Q16;x"])
    )
    assert run.added == 3 and run.rejected == 1
    assert "fields, expected 25" in str(run.rejections[0]["reason"])


def test_editor_value_survives_reimport_and_conflict_is_recorded(tmp_path: Path) -> None:
    path = write(tmp_path, [CANADA_MOSCOW])
    import_file(path)
    mission = Mission.objects.get(wikidata="Q4374011")
    mission.city = "Moskva (edited)"
    mission.phones = ["+7 495 925 6000"]
    mission.sources |= {"city": "editor:alice", "phones": "editor:alice"}
    mission.save()
    fields = CANADA_MOSCOW.split(";")
    fields[13] = "https://www.canada.ca/moscow"  # Wikidata changed the website since
    run = import_file(write(tmp_path, [";".join(fields)], "changed.csv"))
    mission.refresh_from_db()
    assert mission.city == "Moskva (edited)" and mission.phones == ["+7 495 925 6000"]
    assert mission.website == "https://www.canada.ca/moscow"
    conflict = FieldConflict.objects.get(mission=mission, field="city")
    assert (conflict.source_value, conflict.current_source) == ("Moscow", "editor:alice")
    assert run.updated == 1


def test_mission_gone_from_source_is_closed_then_reopened(tmp_path: Path) -> None:
    import_file(write(tmp_path, [*FIRST_TEN, CANADA_MOSCOW]))
    run = import_file(write(tmp_path, FIRST_TEN, "smaller.csv"))
    mission = Mission.objects.get(wikidata="Q4374011")
    assert run.closed == 1 and mission.status == Status.CLOSED
    assert Mission.objects.count() == 11
    run = import_file(write(tmp_path, [*FIRST_TEN, CANADA_MOSCOW], "again.csv"))
    mission.refresh_from_db()
    assert mission.status == Status.OPEN and run.updated == 1


def test_editor_held_status_is_not_closed_by_absence(tmp_path: Path) -> None:
    import_file(write(tmp_path, [*FIRST_TEN, CANADA_MOSCOW]))
    Mission.objects.filter(wikidata="Q4374011").update(
        status=Status.SUSPENDED, sources={"status": "editor:bob"}
    )
    import_file(write(tmp_path, FIRST_TEN, "smaller.csv"))
    assert Mission.objects.get(wikidata="Q4374011").status == Status.SUSPENDED


def test_rejections_are_counted_by_reason_code_on_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report groups rejected rows by the code each was stored with, not by its wording."""
    no_item = CANADA_MOSCOW[: CANADA_MOSCOW.rindex(";") + 1]  # the QID column left empty
    short = "Canada;http://www.wikidata.org/entity/Q16;x"
    path = write(tmp_path, [*FIRST_TEN[:2], CANADA_MOSCOW, CANADA_MOSCOW, no_item, short])
    run = import_file(path)
    assert run.rejected_by_code == {"duplicate": 1, "no-item": 1, "malformed-row": 1}
    assert {r["code"] for r in run.rejections} == set(run.rejected_by_code)
    out = capsys.readouterr().out
    assert "rejected     1: duplicate of another row (same Wikidata item), merged" in out
    assert "rejected     1: row with missing fields" in out
    again = import_file(path)  # rows rejected before keep their code without being parsed again
    assert again.rejected_by_code == run.rejected_by_code
