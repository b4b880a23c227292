"""Coordinates that are no place (Infinity, 1e400, 999, NaN) are refused on every write path,
a row already holding one reads as no position everywhere, and an export that fails midway
says so in the document itself."""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from embassies.api.models import ApiToken
from embassies.directory.exports import FAILED
from embassies.directory.models import ImportRun, Mission
from tests.corrections.builders import CANADA_MOSCOW, HEADER, import_rows
from tests.directory.admin_helpers import change_url, editor_client, form_fields
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

# Raw JSON bodies: Python's json reads Infinity and NaN, and 1e400 overflows to infinity.
NOT_A_PLACE = ["Infinity", "-Infinity", "1e400", "NaN", "999", "-90.5"]
LONGITUDES_NOT_A_PLACE = ["Infinity", "1e400", "NaN", "181", "-999"]


def strict_json(text: str | bytes) -> Any:
    """json.loads that refuses NaN and Infinity, as every other JSON parser does."""

    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def token() -> str:
    return ApiToken.issue("newsroom-bot")[1]


@pytest.fixture
def embassy() -> Mission:
    return make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595)


def send(client: Client, method: str, url: str, body: str, token: str) -> Any:
    call = client.patch if method == "patch" else client.post
    return call(url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")


def assert_refused(response: Any, field: str) -> None:
    assert response.status_code == 422, response.content[:300]
    reasons = strict_json(response.content)["error"]["details"][field]
    assert len(reasons) == 1 and "\n" not in reasons[0]


@pytest.mark.parametrize("value", NOT_A_PLACE)
def test_patch_refuses_a_latitude_that_is_no_place(
    client: Client, token: str, embassy: Mission, value: str
) -> None:
    response = send(client, "patch", "/api/v1/missions/Q4374011", f'{{"lat": {value}}}', token)
    assert_refused(response, "lat")
    assert "-90" in response.json()["error"]["details"]["lat"][0]
    embassy.refresh_from_db()
    assert (embassy.lat, embassy.lon) == (55.7467, 37.595)


@pytest.mark.parametrize("value", LONGITUDES_NOT_A_PLACE)
def test_patch_refuses_a_longitude_that_is_no_place(
    client: Client, token: str, embassy: Mission, value: str
) -> None:
    response = send(client, "patch", "/api/v1/missions/Q4374011", f'{{"lon": {value}}}', token)
    assert_refused(response, "lon")
    embassy.refresh_from_db()
    assert embassy.lon == 37.595


def test_post_refuses_a_new_mission_at_infinity(client: Client, token: str) -> None:
    make_country("IS", "Iceland")
    make_country("MN", "Mongolia")
    body = '{"sending": "IS", "host": "MN", "lat": 47.9, "lon": Infinity}'
    assert_refused(send(client, "post", "/api/v1/missions", body, token), "lon")
    assert not Mission.objects.filter(sending="IS").exists()


def test_patch_still_accepts_the_edges_and_clearing(
    client: Client, token: str, embassy: Mission
) -> None:
    response = send(client, "patch", "/api/v1/missions/Q4374011", '{"lat": -90, "lon": 180}', token)
    answer = strict_json(response.content)
    assert response.status_code == 200 and (answer["lat"], answer["lon"]) == (-90, 180)
    response = send(client, "patch", "/api/v1/missions/Q4374011", '{"lat": null}', token)
    assert response.status_code == 200 and response.json()["lat"] is None


@pytest.mark.parametrize(("field", "value"), [("lat", "999"), ("lon", "-181")])
def test_the_admin_form_refuses_a_coordinate_out_of_range_beside_the_field(
    embassy: Mission, field: str, value: str
) -> None:
    client, _ = editor_client()
    data = form_fields(client, change_url(embassy)) | {field: value}
    response = client.post(change_url(embassy), data)
    assert response.status_code == 200  # the form again, not a redirect
    errors = response.context["adminform"].form.errors
    assert list(errors) == [field]
    embassy.refresh_from_db()
    assert (embassy.lat, embassy.lon) == (55.7467, 37.595)


def with_columns(line: str, **values: str) -> str:
    cells = line.split(";")
    names = HEADER.split(";")
    for name, value in values.items():
        cells[names.index(name)] = value
    return ";".join(cells)


@pytest.mark.parametrize("value", ["Infinity", "1e400", "999", "nan"])
def test_an_import_drops_a_latitude_that_is_no_place_and_says_so(
    tmp_path: Path, value: str
) -> None:
    # Guards what the import already did: coordinates past their range are dropped, noted.
    import_rows(tmp_path, [with_columns(CANADA_MOSCOW, latitude=value)])
    mission = Mission.objects.get(wikidata="Q4374011")
    assert mission.lat is None or mission.position_approximate  # its city's centre, if known
    assert "out of range, dropped" in ImportRun.objects.latest().repairs[0]["repair"]


@pytest.fixture
def at_infinity(embassy: Mission) -> Mission:
    """A row written before the checks existed: an update bypasses every validation."""
    Mission.objects.filter(pk=embassy.pk).update(lat=float("inf"))
    return embassy


def test_a_stored_infinity_reads_as_no_position(at_infinity: Mission) -> None:
    mission = Mission.objects.get(pk=at_infinity.pk)
    assert mission.lat is None and mission.lon == 37.595
    assert Mission.objects.filter(pk=at_infinity.pk).values_list("lat", flat=True)[0] is None


def test_the_api_never_writes_infinity_into_json(client: Client, at_infinity: Mission) -> None:
    answer = strict_json(client.get(f"/api/v1/missions/{at_infinity.pk}").content)
    assert (answer["lat"], answer["lon"]) == (None, None)  # half a position is none
    listed = strict_json(client.get("/api/v1/missions").content)["results"][0]
    assert (listed["lat"], listed["lon"]) == (None, None)


def test_search_and_finder_answer_with_a_stored_infinity(
    client: Client, at_infinity: Mission
) -> None:
    find = {"citizen": "CA", "in": "RU", "near": "55.75,37.6"}
    answers = {
        "search": client.get(reverse("web:search"), {"q": "canada moscow"}),
        "finder": client.get(reverse("web:find"), find),
        "card": client.get(reverse("web:emergency_card"), find),
        "page": client.get(at_infinity.get_absolute_url()),
        "api find": client.get("/api/v1/find", find),
    }
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(answers, 200)
    strict_json(answers["api find"].content)


def streamed(client: Client, fmt: str) -> tuple[str, BaseException | None]:
    """The export's body as a client receives it, and the error that ended it, if any."""
    response = client.get(f"/api/v1/exports/missions.{fmt}")
    assert response.status_code == 200
    received: list[bytes] = []
    try:
        for piece in response.streaming_content:  # type: ignore[attr-defined]
            received.append(piece)
    except Exception as error:  # the server drops the connection here
        return b"".join(received).decode(), error
    return b"".join(received).decode(), None


def test_an_export_with_a_stored_infinity_is_complete_and_valid(
    client: Client, at_infinity: Mission
) -> None:
    text, error = streamed(client, "geojson")
    assert error is None
    features = strict_json(text)["features"]
    assert [f["geometry"] for f in features] == [None]


@pytest.fixture
def broken_midway() -> Mission:
    """Enough missions to send the first pieces, then one whose phones column holds a
    number, as a hand-written SQL fix once left: it cannot be exported."""
    canada, russia = make_country("CA", "Canada"), make_country("RU", "Russia")
    Mission.objects.bulk_create(
        Mission(
            sending=canada,
            host=russia,
            city="Moscow",
            slug="m",
            lat=55.75,
            lon=37.6,
            address="Starokonyushenny 23 " * 5,
            phones=["+7 495 925-60-00"],
        )
        for _ in range(400)
    )
    last = Mission.objects.order_by("id").last()
    assert last is not None
    Mission.objects.filter(pk=last.pk).update(phones=7)
    return last


@pytest.mark.parametrize("fmt", ["geojson", "jsonl", "csv"])
def test_an_export_that_fails_midway_is_visibly_incomplete(
    client: Client, broken_midway: Mission, fmt: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="embassies.directory.exports"):
        text, error = streamed(client, fmt)
    assert isinstance(error, TypeError)  # the real error, raised on to the server
    assert len(text) > 64 * 1024 and text.endswith(FAILED)  # after the first pieces were sent
    assert "export failed" in caplog.text
    if fmt == "geojson":
        with pytest.raises(ValueError):
            strict_json(text)
    elif fmt == "jsonl":
        with pytest.raises(ValueError):
            [strict_json(line) for line in text.splitlines()]
    else:
        with pytest.raises(csv.Error):
            list(csv.reader(io.StringIO(text, newline=""), strict=True))
        *_, last = csv.DictReader(io.StringIO(text, newline=""))
        assert last["id"].startswith("EXPORT FAILED") and last["lat"] is None
