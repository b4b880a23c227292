"""`embassies import osm-json` on saved Overpass answers: bad files refused, editors' work kept,
a re-import changing nothing, and what a mission page then shows."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from embassies.directory.models import FieldConflict, ImportRun, Mission
from tests.directory.osm_answers import CANADA, GERMANY, MOSCOW_ANSWER, answer, moscow_missions
from tests.directory.osm_answers import write_answer as write

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple[object, ...]]:
    fields = ("id", "osm_id", "address", "phones", "opening_hours", "sources", "updated_at")
    return list(Mission.objects.order_by("id").values_list(*fields))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not JSON"),
        (b'{"elements": [', "not JSON"),
        ("ok".encode("utf-16"), "not UTF-8"),
        (b'{"version": 0.6}', 'no "elements" list'),
        (b"[1, 2]", 'no "elements" list'),
        (b'{"elements": [{"type": "node", "lat": 1, "lon": 2}]}', "element 1 has no valid type"),
        (b'{"elements": [{"type": "node", "id": true}]}', "element 1 has no valid type"),
        (
            b'{"elements": [{"type": "node", "id": 1, "tags": ["x"]}]}',
            "tags that are not an object",
        ),
        (b'{"elements": [], "remark": "runtime error: out of memory"}', "reported an error"),
    ],
    ids=[
        "empty",
        "truncated",
        "utf-16",
        "no-elements",
        "a-list",
        "no-id",
        "bool-id",
        "bad-tags",
        "remark",
    ],
)
def test_malformed_file_is_refused_and_nothing_is_written(
    tmp_path: Path, content: bytes, message: str
) -> None:
    moscow_missions()
    before = snapshot()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import", "osm-json", str(bad))
    assert snapshot() == before
    assert not ImportRun.objects.exists()


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", "osm-json", str(tmp_path / "nowhere.json"))


def test_import_fills_fields_and_records_the_element(tmp_path: Path) -> None:
    missions = moscow_missions()
    call_command("import", "osm-json", str(write(tmp_path / "moscow.json", MOSCOW_ANSWER)))
    canada = Mission.objects.get(pk=missions["CA"].pk)
    assert canada.osm_id == "way/1001"
    assert canada.phones == ["+7 495 925-60-00", "+7 495 925-60-25"]
    assert canada.sources["phones"] == "osm"
    run = ImportRun.objects.get(source="osm")
    assert run.location.endswith("moscow.json") and run.updated == 3 and run.rejected == 5
    assert canada.history.latest().history_change_reason == "import osm"
    # The match confirms the mission was there as of the answer's data (its osm3s timestamp).
    assert canada.verified_at == run.data_as_of == datetime(2026, 11, 28, 10, tzinfo=UTC)


def test_a_second_import_of_the_same_data_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moscow_missions()
    path = write(tmp_path / "moscow.json", MOSCOW_ANSWER)
    call_command("import", "osm-json", str(path))
    first = snapshot()
    call_command("import", "osm-json", str(path))
    assert snapshot() == first
    assert "matched 3 (filled 0, unchanged 3)" in capsys.readouterr().out.splitlines()[-1]
    assert ImportRun.objects.filter(source="osm").latest().updated == 0


def test_an_editors_change_survives_and_the_osm_value_becomes_a_conflict(tmp_path: Path) -> None:
    missions = moscow_missions()
    path = write(tmp_path / "moscow.json", MOSCOW_ANSWER)
    call_command("import", "osm-json", str(path))
    canada = Mission.objects.get(pk=missions["CA"].pk)
    canada.phones = ["+7 495 925-60-00 (consular section)"]
    canada.sources["phones"] = "editor:anna"
    canada.save()
    call_command("import", "osm-json", str(path))
    canada.refresh_from_db()
    assert canada.phones == ["+7 495 925-60-00 (consular section)"]
    conflict = FieldConflict.objects.get(mission=canada, field="phones")
    assert (conflict.source, conflict.current_source) == ("osm", "editor:anna")
    assert conflict.source_value == ["+7 495 925-60-00", "+7 495 925-60-25"]
    # Once an editor has settled it, the same OSM value does not reopen it.
    FieldConflict.objects.filter(pk=conflict.pk).update(resolved=True)
    call_command("import", "osm-json", str(path))
    assert FieldConflict.objects.get(pk=conflict.pk).resolved


def test_a_value_osm_gave_follows_osm_and_goes_when_osm_drops_it(tmp_path: Path) -> None:
    missions = moscow_missions()
    call_command("import", "osm-json", str(write(tmp_path / "a.json", MOSCOW_ANSWER)))
    changed = copy.deepcopy(CANADA)
    changed["tags"]["opening_hours"] = "Mo-Th 09:00-17:00"
    del changed["tags"]["contact:email"]
    call_command("import", "osm-json", str(write(tmp_path / "b.json", answer(changed))))
    canada = Mission.objects.get(pk=missions["CA"].pk)
    assert canada.opening_hours == "Mo-Th 09:00-17:00"
    assert canada.emails == [] and "emails" not in canada.sources


def test_malformed_hours_render_as_text_without_open_now(tmp_path: Path, client: Client) -> None:
    missions = moscow_missions()
    call_command("import", "osm-json", str(write(tmp_path / "de.json", answer(GERMANY))))
    response = client.get(Mission.objects.get(pk=missions["DE"].pk).get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<code>Mo-Fr 9-17 Uhr</code>" in html
    assert "Open now" not in html and "Closed now" not in html


def test_a_page_showing_osm_data_credits_openstreetmap(tmp_path: Path, client: Client) -> None:
    missions = moscow_missions()
    call_command("import", "osm-json", str(write(tmp_path / "ca.json", answer(CANADA))))
    html = client.get(Mission.objects.get(pk=missions["CA"].pk).get_absolute_url()).content
    text = html.decode()
    assert "Address/hours/phone data © OpenStreetMap contributors, ODbL" in text
    assert 'href="https://www.openstreetmap.org/copyright"' in text
    assert 'href="https://www.openstreetmap.org/way/1001"' in text
    # A page with nothing from OSM does not claim it.
    other = client.get(Mission.objects.get(pk=missions["FR"].pk).get_absolute_url()).content
    assert "OpenStreetMap contributors, ODbL" not in other.decode()


def test_the_mission_json_carries_the_element(tmp_path: Path, client: Client) -> None:
    missions = moscow_missions()
    call_command("import", "osm-json", str(write(tmp_path / "ca.json", answer(CANADA))))
    data = client.get(f"/api/v1/missions/{missions['CA'].pk}").json()
    assert data["osm_id"] == "way/1001" and data["wikidata"] == "Q4374011"
    assert data["sources"]["opening_hours"] == "osm"


def test_an_answer_with_nothing_that_matches_adds_nothing(tmp_path: Path) -> None:
    moscow_missions()
    lone = copy.deepcopy(GERMANY)
    lone["tags"] |= {"country": "BR", "name": "Embaixada do Brasil"}
    call_command("import", "osm-json", str(write(tmp_path / "br.json", answer(lone))))
    assert Mission.objects.count() == 4 and not Mission.objects.filter(sending="BR").exists()
    assert json.dumps(ImportRun.objects.get().rejections).count("no mission of BR in RU") == 1


def test_control_characters_in_tags_are_dropped(tmp_path: Path) -> None:
    missions = moscow_missions()
    hostile = copy.deepcopy(CANADA)
    hostile["tags"]["contact:phone"] = "+7 495 925-60-00\u0000;\u0007+7 495 925-60-25"
    call_command("import", "osm-json", str(write(tmp_path / "nul.json", answer(hostile))))
    canada = Mission.objects.get(pk=missions["CA"].pk)
    assert canada.phones == ["+7 495 925-60-00", "+7 495 925-60-25"]
