"""GET /api/v1/find: the DESIGN shape, the one error shape, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.assistance.models import EmergencyLine
from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def australia_in_russia() -> None:
    au, ru = Country.objects.get(code="AU"), Country.objects.get(code="RU")
    make_mission(sending=au, host=ru, city="Moscow", lat=55.75, lon=37.64, wikidata="Q4373961")
    make_mission(
        sending=au,
        host=ru,
        city="Vladivostok",
        kind=Kind.CONSULATE_GENERAL,
        lat=43.13,
        lon=131.89,
        wikidata="Q57198221",
    )
    EmergencyLine.objects.create(
        country=au, name="DFAT", phone="+61 2 6261 3305", source_url="https://x.au"
    )


def test_answers_alerts_and_emergency_lines(client: Client, australia_in_russia: None) -> None:
    response = client.get("/api/v1/find", {"citizen": "AU", "in": "RU", "near": "43.1155,131.8855"})
    assert response.status_code == 200
    body = response.json()
    first = body["answers"][0]
    assert {"mission", "reason", "distance_km"} <= first.keys()
    assert first["mission"]["city"] == "Vladivostok" and first["distance_km"] < 10
    assert {"id", "wikidata", "kind", "sending", "host", "city", "lat", "lon", "url"} <= first[
        "mission"
    ].keys()
    assert body["alerts"] == [] and body["unavailable"] == []
    assert body["emergency_lines"][0]["phone"] == "+61 2 6261 3305"
    assert body["in"] == {"code": "RU", "name": "Russia"} and body["near"] == [43.1155, 131.8855]


def test_no_point_gives_no_distance(client: Client, australia_in_russia: None) -> None:
    first = client.get("/api/v1/find", {"citizen": "au", "in": "ru"}).json()["answers"][0]
    assert first["mission"]["city"] == "Moscow" and first["distance_km"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"citizen": "AU", "in": "RU", "near": "999,999"}, "near"),
        ({"citizen": "AU", "in": "RU", "near": "north"}, "near"),
        ({"citizen": "AU", "in": "RU", "near": "1,2,3"}, "near"),
        ({"citizen": "AU"}, "in"),
        ({"in": "RU"}, "citizen"),
        ({"citizen": "'; DROP TABLE x; --", "in": "RU"}, "citizen"),
        ({"citizen": "<script>", "in": "RU"}, "citizen"),
    ],
)
def test_bad_input_is_a_422_in_the_one_error_shape(
    client: Client, params: dict, field: str
) -> None:
    response = client.get("/api/v1/find", params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["message"]
    assert field in [d["loc"][-1] for d in error["details"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"citizen": "XX", "in": "RU"}, "citizen"), ({"citizen": "AU", "in": "qq"}, "in")],
)
def test_a_code_no_country_has_is_a_404_naming_the_parameter(
    client: Client, params: dict, field: str
) -> None:
    # Well-formed by the OpenAPI document (two letters, any case): a missing country, not a
    # malformed request.
    response = client.get("/api/v1/find", params)
    assert response.status_code == 404
    assert field in [d["loc"][-1] for d in response.json()["error"]["details"]]


def test_control_characters_in_codes_are_a_422_not_a_500(client: Client) -> None:
    response = client.get("/api/v1/find", {"citizen": "\x0b\x00", "in": "R\x00"})
    assert response.status_code == 422
