"""A strict API contract: unknown body fields are refused by name, a write that changes nothing
leaves no trace, and the OpenAPI document states every constraint the server enforces, which
the server applies exactly (no more, no less)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from embassies.api.models import ApiToken
from embassies.api.schemas import NEAR
from embassies.api.urls import api
from embassies.directory import limits
from embassies.directory.editing import edit_mission
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission, Status
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

BODY_ERRORS = ["[]", '"Moscow"', "null", "7"]


@pytest.fixture
def token() -> str:
    return ApiToken.issue("newsroom-bot")[1]


@pytest.fixture
def embassy() -> Mission:
    return make_mission(wikidata="Q1", city="Moscow", phones=["+7 495 925 6000"])


def send(client: Client, method: str, url: str, body: str, token: str) -> Any:
    return client.generic(
        method, url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def document() -> dict[str, Any]:
    return api.get_openapi_schema(path_prefix="/api/v1/")


def parameter(path: str, name: str, method: str = "get") -> dict[str, Any]:
    """A query or path parameter's schema, its "anyOf [x, null]" unwrapped and refs resolved."""
    found = next(p for p in document()["paths"][path][method]["parameters"] if p["name"] == name)
    return resolved(found["schema"])


def resolved(schema: dict[str, Any]) -> dict[str, Any]:
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    options = options[0].get("allOf", options)
    ref = options[0].get("$ref")
    if ref:
        return dict(document()["components"]["schemas"][ref.rsplit("/", 1)[-1]])
    return options[0]


def body_schema(name: str) -> dict[str, Any]:
    return dict(document()["components"]["schemas"][name])


# Unknown fields and bodies that are no object


def test_patch_with_an_unknown_field_is_422_naming_it(
    client: Client, token: str, embassy: Mission
) -> None:
    body = json.dumps({"phone": "+7 495 000 0000", "city": "Moskva"})
    response = send(client, "PATCH", "/api/v1/missions/Q1", body, token)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == "Unknown field: phone."
    assert error["details"] == {"phone": ["Unknown field."]}
    embassy.refresh_from_db()
    assert (embassy.city, embassy.history.count()) == ("Moscow", 1)  # nothing of it applied


def test_post_with_unknown_fields_is_422_naming_them(client: Client, token: str) -> None:
    make_country("IS", "Iceland")
    make_country("MN", "Mongolia")
    body = json.dumps({"sending": "IS", "host": "MN", "fax": "1", "phone": "2"})
    response = send(client, "POST", "/api/v1/missions", body, token)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["message"] == "Unknown fields: fax, phone."
    assert set(error["details"]) == {"fax", "phone"}
    assert not Mission.objects.exists()


@pytest.mark.parametrize("body", BODY_ERRORS)
def test_a_body_that_is_no_json_object_is_422_saying_so(
    client: Client, token: str, embassy: Mission, body: str
) -> None:
    for method, url in (("PATCH", "/api/v1/missions/Q1"), ("POST", "/api/v1/missions")):
        response = send(client, method, url, body, token)
        assert response.status_code == 422, (method, body)
        message = response.json()["error"]["message"]
        assert message == "The request body must be a JSON object of fields."
    assert embassy.history.count() == 1


def test_a_body_that_is_no_json_is_400_saying_so(
    client: Client, token: str, embassy: Mission
) -> None:
    response = send(client, "PATCH", "/api/v1/missions/Q1", "{city: Moskva", token)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "The request body is not valid JSON."


# A write that changes nothing


def test_a_patch_that_changes_nothing_answers_the_mission_and_adds_no_version(
    client: Client, token: str, embassy: Mission
) -> None:
    before = embassy.history.count()
    body = json.dumps({"city": "Moscow", "phones": ["+7 495 925 6000"], "kind": "embassy"})
    response = send(client, "PATCH", "/api/v1/missions/Q1", body, token)
    assert response.status_code == 200
    assert (response.json()["id"], response.json()["city"]) == (embassy.pk, "Moscow")
    assert embassy.history.count() == before
    embassy.refresh_from_db()
    assert "editor:api:newsroom-bot" not in embassy.sources.values()  # no new source either
    assert send(client, "PATCH", "/api/v1/missions/Q1", "{}", token).status_code == 200
    assert embassy.history.count() == before


def test_a_patch_owns_only_the_fields_it_changes(
    client: Client, token: str, embassy: Mission
) -> None:
    body = json.dumps({"city": "Moscow", "address": "Starokonyushenny 23"})
    assert send(client, "PATCH", "/api/v1/missions/Q1", body, token).status_code == 200
    embassy.refresh_from_db()
    assert embassy.history.count() == 2
    assert embassy.sources["address"] == "editor:api:newsroom-bot"
    assert embassy.sources.get("city") != "editor:api:newsroom-bot"


def test_an_edit_repeating_the_stored_values_is_no_version_on_every_path(embassy: Mission) -> None:
    # edit_mission is also what an accepted correction calls.
    edit_mission(embassy, {"city": "Moscow"}, "editor:correction:anna")
    assert embassy.history.count() == 1
    edit_mission(embassy, {"city": "Omsk"}, "editor:correction:anna")
    assert embassy.history.count() == 2


# What the OpenAPI document states, and that the server holds to exactly that


def test_the_document_lists_kinds_and_statuses_for_filters_and_bodies() -> None:
    for path in ("/api/v1/missions", "/api/v1/exports/missions.csv"):
        assert parameter(path, "kind")["enum"] == list(Kind.values)
        assert parameter(path, "status")["enum"] == list(Status.values)
    for body in ("MissionChanges", "NewMission"):
        fields = body_schema(body)["properties"]
        assert resolved(fields["kind"])["enum"] == list(Kind.values)
        assert resolved(fields["status"])["enum"] == list(Status.values)


def test_the_document_states_the_limits_the_server_checks() -> None:
    changes = body_schema("MissionChanges")
    assert changes["additionalProperties"] is False
    assert body_schema("NewMission")["additionalProperties"] is False
    fields = changes["properties"]
    for name, most in limits.MAX_CHARS.items():
        if name in fields:
            assert fields[name]["maxLength"] == most, name
    lat = resolved(fields["lat"])
    assert (lat["minimum"], lat["maximum"]) == limits.LATITUDE
    lon = resolved(fields["lon"])
    assert (lon["minimum"], lon["maximum"]) == limits.LONGITUDE
    assert fields["phones"]["maxItems"] == limits.MAX_ITEMS
    assert fields["phones"]["items"]["pattern"] == limits.PHONE_PATTERN
    assert fields["social"]["maxProperties"] == limits.MAX_ITEMS
    assert parameter("/api/v1/missions", "limit")["maximum"] == 500
    assert parameter("/api/v1/missions", "near")["pattern"] == NEAR
    assert parameter("/api/v1/find", "near")["pattern"] == NEAR


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v1/missions", "sending"),
        ("/api/v1/exports/missions.jsonl", "host"),
        ("/api/v1/find", "citizen"),
        ("/api/v1/find", "in"),
        ("/api/v1/alerts", "country"),
        ("/api/v1/news", "country"),
    ],
)
def test_a_country_code_is_two_letters_in_either_case(path: str, name: str) -> None:
    assert parameter(path, name)["pattern"] == "^[A-Za-z]{2}$"


@pytest.mark.parametrize(
    ("near", "allowed"),
    [
        ("90,180", True),
        ("-90.000,-180", True),
        ("0,0", True),
        ("55.75,37.62", True),
        ("89.9999,179.99", True),
        ("-9.5,-99.5", True),
        ("90.01,0", False),
        ("91,0", False),
        ("0,180.5", False),
        ("0,181", False),
        ("0,1000", False),
        ("north", False),
        ("1,2,3", False),
        (" 1,2", False),
        ("1e1,2", False),
        ("01,2", False),
        ("nan,0", False),
    ],
)
def test_near_is_a_point_in_range_by_the_document_and_the_server(
    client: Client, near: str, allowed: bool
) -> None:
    assert bool(re.search(NEAR, near)) is allowed
    status = client.get("/api/v1/missions", {"near": near}).status_code
    assert status == (200 if allowed else 422)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/exports/missions.csv?status=__dict__", 422),
        ("/api/v1/exports/missions.csv?kind=EMBASSY", 422),
        ("/api/v1/exports/missions.csv?host=ru&kind=embassy&status=open", 200),
        ("/api/v1/find?citizen=0&in=RU", 422),
        ("/api/v1/find?citizen=ca&in=ru", 200),
        ("/api/v1/find?citizen=XX&in=RU", 404),
    ],
)
def test_the_server_accepts_what_the_document_allows_and_refuses_the_rest(
    client: Client, url: str, status: int
) -> None:
    make_country("CA", "Canada")
    make_country("RU", "Russia")
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lat", 90.5),
        ("lon", -181),
        ("lat", "1.5"),
        ("lon", True),
        ("address", "a\x00b"),
        ("city", "x" * (limits.MAX_CHARS["city"] + 1)),
        ("phones", ["+7 495"] * (limits.MAX_ITEMS + 1)),
        ("phones", ["call us"]),
        ("website", "javascript:alert(1)"),
        ("social", {"x": "ftp://example.org"}),
        ("status", "__dict__"),
        ("kind", "castle"),
    ],
)
def test_a_body_value_the_document_forbids_is_422_naming_its_field(
    client: Client, token: str, embassy: Mission, field: str, value: object
) -> None:
    response = send(client, "PATCH", "/api/v1/missions/Q1", json.dumps({field: value}), token)
    assert response.status_code == 422
    assert set(response.json()["error"]["details"]) == {field}
