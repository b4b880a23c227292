"""GET /api/v1/exports/missions.{csv,geojson,jsonl} on the real snapshot (imported once here).

Shows: every mission exported once in each format, GeoJSON valid by the `geojson` package,
CSV round-tripping to the API's values, the list's filters applied and bad ones refused,
and bodies streamed a chunk at a time.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import geojson
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from embassies.directory.exports import CHUNK_SIZE, FORMULA_STARTS, export
from embassies.directory.filters import filtered, parse_filter
from embassies.directory.models import Mission

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.snapshot,
    pytest.mark.usefixtures("imported_snapshot"),
]

URL = "/api/v1/exports/missions"


def body(client: Client, fmt: str, query: str = "") -> str:
    response = client.get(f"{URL}.{fmt}{query}")
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def all_ids() -> list[int]:
    return list(Mission.objects.order_by("id").values_list("id", flat=True))


def unquoted(cell: str) -> str:
    """A cell without the quote the export puts before what a spreadsheet would run."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def from_csv(record: dict[str, str]) -> dict[str, Any]:
    """A CSV record read back as the API's values: what a round trip must give."""
    row = {name: unquoted(cell) for name, cell in record.items()}
    as_list = {name: row[name].split(" | ") if row[name] else [] for name in ("phones", "emails")}
    plain = {
        k: row[k]
        for k in ("kind", "sending", "host", "city", "address", "status", "url", "updated_at")
    }
    return {
        **plain,
        **as_list,
        "id": int(row["id"]),
        "wikidata": row["wikidata"] or None,
        "lat": float(row["lat"]) if row["lat"] else None,
        "lon": float(row["lon"]) if row["lon"] else None,
        "website": row["website"] or None,
        "accreditations": row["accreditations"].split(),
    }


def test_jsonl_has_every_mission_once_in_the_api_shape(client: Client) -> None:
    rows = jsonl(body(client, "jsonl"))
    assert [r["id"] for r in rows] == all_ids()
    canada = next(r for r in rows if r["wikidata"] == "Q4374011")
    assert canada == client.get(f"/api/v1/missions/{canada['id']}").json()


def test_csv_round_trips_to_the_api_values(client: Client) -> None:
    rows = list(csv.DictReader(io.StringIO(body(client, "csv"), newline="")))
    expected = {r["id"]: r for r in jsonl(body(client, "jsonl"))}
    assert [int(r["id"]) for r in rows] == all_ids()
    for row in rows:
        back = from_csv(row)
        assert back == {k: expected[back["id"]][k] for k in back}


def test_geojson_is_a_valid_feature_collection_of_every_mission(client: Client) -> None:
    text = body(client, "geojson")
    collection = geojson.loads(text)  # the package rounds coordinates: compare on plain JSON
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    features = json.loads(text)["features"]
    points = {pk: [lon, lat] for pk, lat, lon in Mission.objects.values_list("id", "lat", "lon")}
    assert {f["id"]: f["geometry"] and f["geometry"]["coordinates"] for f in features} == {
        pk: points[pk] if None not in points[pk] else None for pk in all_ids()
    }
    assert all(f["geometry"] is None or f["geometry"]["type"] == "Point" for f in features)
    assert not any({"lat", "lon"} & f["properties"].keys() for f in features)


def test_filters_are_those_of_the_missions_list(client: Client) -> None:
    query = {"sending": "CA", "host": "RU"}
    rows = jsonl(body(client, "jsonl", "?sending=ca&host=RU"))
    assert [r["id"] for r in rows] == list(
        filtered(parse_filter(query)).values_list("id", flat=True)
    )
    assert "Q4374011" in {r["wikidata"] for r in rows}
    assert {(r["sending"], r["host"]) for r in rows} == {("CA", "RU")}


def test_filters_apply_to_every_format(client: Client) -> None:
    query = "?near=55.75,37.62&radius_km=30&kind=embassy"
    expected = filtered(parse_filter({"near": "55.75,37.62", "radius_km": "30", "kind": "embassy"}))
    ids = list(expected.values_list("id", flat=True))
    assert len(ids) > 50  # Moscow's embassies
    assert [int(r["id"]) for r in csv.DictReader(io.StringIO(body(client, "csv", query)))] == ids
    assert [f["id"] for f in json.loads(body(client, "geojson", query))["features"]] == ids
    assert [r["id"] for r in jsonl(body(client, "jsonl", query))] == ids


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("host=RUS", "host"),
        ("kind=palace", "kind"),
        ("near=north", "near"),
        ("near=10,10&radius_km=0", "radius_km"),
        ("updated_since=yesterday", "updated_since"),
    ],
)
def test_bad_filters_are_refused_in_the_error_shape(
    client: Client, fmt: str, query: str, field: str
) -> None:
    response = client.get(f"{URL}.{fmt}?{query}")
    assert response.status_code == 422
    error = response.json()["error"]
    # Checked against the OpenAPI document's parameters, as the missions list is.
    assert error["code"] == "invalid"
    assert [detail["loc"] for detail in error["details"]] == [["query", field]]
    assert error["message"]


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("csv", "text/csv; charset=utf-8; header=present"),
        ("geojson", "application/geo+json"),
        ("jsonl", "application/jsonl; charset=utf-8"),
    ],
)
def test_response_is_streamed_as_a_named_download(
    client: Client, fmt: str, content_type: str
) -> None:
    response = client.get(f"{URL}.{fmt}?host=FR")
    assert response.streaming
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="missions.{fmt}"'


def test_an_export_reads_the_database_a_chunk_at_a_time() -> None:
    missions = Mission.objects.all()
    with CaptureQueriesContext(connection) as first:
        next(export("jsonl", missions))  # one piece needs one chunk, not the whole directory
    assert len(first) <= 2
    with CaptureQueriesContext(connection) as whole:
        for _ in export("jsonl", missions):
            pass
    chunks = -(-missions.count() // CHUNK_SIZE)
    assert len(whole) <= 1 + chunks + 1  # the missions, one accreditations query per chunk


def test_openapi_documents_the_exports_as_they_are(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for fmt, media_type in [
        ("csv", "text/csv"),
        ("geojson", "application/geo+json"),
        ("jsonl", "application/jsonl"),
    ]:
        operation = paths[f"{URL}.{fmt}"]["get"]
        assert list(operation["responses"]["200"]["content"]) == [media_type]
        assert "application/json" in operation["responses"]["422"]["content"]
        assert {"sending", "host", "kind", "near", "updated_since"} <= {
            p["name"] for p in operation["parameters"]
        }
    collection = paths[f"{URL}.geojson"]["get"]["responses"]["200"]["content"]
    feature = collection["application/geo+json"]["schema"]["properties"]["features"]["items"]
    properties = feature["properties"]["properties"]["properties"]
    assert "title" in properties and not {"lat", "lon"} & properties.keys()


def test_a_failure_before_streaming_starts_is_an_error_response(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr("embassies.directory.exports.mission_to_dict", broken)
    response = client.get(f"{URL}.jsonl")
    assert (response.status_code, response.json()["error"]["code"]) == (500, "server_error")
