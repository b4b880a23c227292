"""`embassies export --format csv|geojson|jsonl PATH`: complete files, filters, never half a file."""

from __future__ import annotations

import csv
import json
import os
from io import StringIO
from pathlib import Path

import geojson
import pytest
from django.core.management import CommandError, call_command

from embassies.directory import exports
from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("export", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def missions() -> list[Mission]:
    canada, russia, france = (
        make_country("CA", "Canada"),
        make_country("RU", "Russia"),
        make_country("FR", "France"),
    )
    return [
        make_mission(
            sending=canada,
            host=russia,
            wikidata="Q4374011",
            lat=55.7467,
            lon=37.595,
            accreditations=[make_country("AM", "Armenia"), make_country("UZ", "Uzbekistan")],
        ),
        make_mission(sending=canada, host=russia, kind="consulate", city="Vladivostok"),
        make_mission(
            sending=france,
            host=russia,
            city="Москва",
            lat=55.73,
            lon=37.61,
            address='23 Bolshaya Yakimanka, "Block 2",\nfloor 3',
            phones=["+7 495 937-15-00", "+7 495 937-14-00"],
            emails=["a@example.org", "b@example.org"],
        ),
    ]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_writes_a_complete_csv_that_round_trips(missions: list[Mission], tmp_path: Path) -> None:
    target = tmp_path / "missions.csv"
    run("--format", "csv", str(target))
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["id"]) for r in rows] == sorted(m.pk for m in missions)
    france = rows[2]
    assert france["address"] == '23 Bolshaya Yakimanka, "Block 2",\nfloor 3'
    # The cell begins with "+", which a spreadsheet would run as a formula: it gets a quote.
    assert france["phones"].split(" | ") == ["'+74959371500", "+74959371400"]
    assert france["emails"].split(" | ") == ["a@example.org", "b@example.org"]
    assert (france["city"], france["lat"], france["lon"]) == ("Москва", "55.73", "37.61")
    assert rows[0]["accreditations"] == "AM UZ" and rows[1]["lat"] == ""
    assert leftovers(tmp_path) == []


def test_writes_a_valid_geojson_file(missions: list[Mission], tmp_path: Path) -> None:
    target = tmp_path / "missions.geojson"
    run("--format", "geojson", str(target))
    collection = geojson.loads(target.read_text(encoding="utf-8"))
    assert collection.is_valid, collection.errors()
    geometries = [f["geometry"] for f in collection["features"]]
    assert geometries[0]["coordinates"] == [37.595, 55.7467] and geometries[1] is None


def test_writes_json_lines_to_standard_output(missions: list[Mission]) -> None:
    rows = [json.loads(line) for line in run("--format", "jsonl", "-").splitlines()]
    assert [r["id"] for r in rows] == sorted(m.pk for m in missions)
    assert rows[0]["url"] == missions[0].get_absolute_url()


def test_filters_choose_the_missions(missions: list[Mission]) -> None:
    out = run("--format", "jsonl", "-", "--sending", "ca", "--host", "RU", "--kind", "embassy")
    assert [json.loads(line)["wikidata"] for line in out.splitlines()] == ["Q4374011"]
    out = run("--format", "jsonl", "-", "--near", "55.75,37.6", "--radius-km", "10")
    assert len(out.splitlines()) == 2


def test_a_bad_filter_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="--radius-km"):
        run("--format", "csv", str(tmp_path / "out.csv"), "--near", "1,1", "--radius-km", "-3")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_midway_leaves_the_previous_file_and_no_partial_one(
    missions: list[Mission], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missions.jsonl"
    target.write_text("yesterday's dump\n", encoding="utf-8")
    calls = iter(range(100))

    def breaks_on_the_second(m: Mission, request: object = None) -> dict[str, object]:
        if next(calls) == 1:
            raise RuntimeError("database went away")
        return {"id": m.pk}

    monkeypatch.setattr(exports, "PIECE_CHARS", 1)  # the first row reaches the temporary file
    monkeypatch.setattr(exports, "mission_to_dict", breaks_on_the_second)
    with pytest.raises(RuntimeError):
        run("--format", "jsonl", str(target))
    assert target.read_text(encoding="utf-8") == "yesterday's dump\n"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Could not write"):
        run("--format", "csv", str(tmp_path / "no" / "such.csv"))


def test_the_file_is_readable_like_any_new_file(missions: list[Mission], tmp_path: Path) -> None:
    target = tmp_path / "missions.csv"
    run("--format", "csv", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
