"""GET /api/v1/countries/{code}: reference facts and counts in both directions."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

KEYS = {
    "code",
    "alpha3",
    "name",
    "official_name",
    "names",
    "alt_names",
    "demonym",
    "capital",
    "seat_of_government",
    "is_eu",
    "is_state",
    "wikidata",
    "missions_hosted",
    "missions_abroad",
    "url",
}


@pytest.fixture
def russia() -> None:
    ru = make_country("RU", "Russia", demonym="Russian", capital="Moscow", names={"ru": "Россия"})
    ca, de = make_country("CA", "Canada"), make_country("DE", "Germany")
    make_mission(sending=ca, host=ru)
    make_mission(sending=de, host=ru)
    make_mission(sending=ru, host=ca, city="Ottawa")


def test_shape_and_counts(client: Client, russia: None) -> None:
    response = client.get("/api/v1/countries/RU")
    body = response.json()
    assert response.status_code == 200
    assert set(body) == KEYS | {"alerts", "advisories"}
    assert (body["code"], body["name"]) == ("RU", "Russia")
    assert (body["missions_hosted"], body["missions_abroad"]) == (2, 1)
    assert body["is_eu"] is False
    assert body["url"] == "http://testserver/countries/russia/"


def test_reference_facts(client: Client, russia: None) -> None:
    body = client.get("/api/v1/countries/RU").json()
    # Synced reference data may fill these in; the factory's values hold when it has not.
    assert body["demonym"] and body["capital"] == "Moscow"
    assert body["names"].get("ru") == "Россия"


def test_code_is_case_insensitive(client: Client, russia: None) -> None:
    assert client.get("/api/v1/countries/ru").json()["code"] == "RU"


def test_not_found_error_shape(client: Client) -> None:
    response = client.get("/api/v1/countries/ZZ")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "No country with code ZZ.", "details": None}
    }


def test_invalid_code_error_shape(client: Client) -> None:
    response = client.get("/api/v1/countries/RUS")
    error = response.json()["error"]
    assert response.status_code == 422
    assert error["code"] == "invalid"
    assert error["details"][0]["loc"] == ["path", "code"]


def test_country_carries_its_active_alerts_and_advisory_levels(client: Client) -> None:
    from embassies.alerts.editing import add_alert
    from embassies.alerts.models import Advisory

    russia = make_country("RU", "Russia")
    add_alert("RU", headline="Russia is currently at war in Ukraine")
    Advisory.objects.create(
        issuer="US", country=russia, level=4, title="Russia - Level 4: Do Not Travel"
    )
    body = client.get("/api/v1/countries/RU").json()
    assert [a["headline"] for a in body["alerts"]] == ["Russia is currently at war in Ukraine"]
    assert body["advisories"][0] | {"published": None} == {
        "issuer": "US",
        "level": 4,
        "title": "Russia - Level 4: Do Not Travel",
        "published": None,
        "url": None,
    }
