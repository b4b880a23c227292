"""GET /api/v1/alerts: active alerts and advisory levels, with the one error shape."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.alerts.builders import ended, make_advisory, make_alert
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def test_shape(client: Client) -> None:
    embassy = make_mission()
    war = make_alert("RU", "Russia is currently at war in Ukraine")
    war.missions.add(embassy)
    make_alert("UA", "Old", **ended())
    make_advisory("US", "RU", 4, "Russia - Level 4: Do Not Travel")
    body = client.get("/api/v1/alerts").json()
    [alert] = body["alerts"]
    assert alert["code"] == "RU" and alert["severity"] == "crisis" and alert["level"] == 3
    assert (
        alert["active"] is True and alert["ends_at"] is None and alert["missions"] == [embassy.pk]
    )
    assert alert["url"] == f"http://testserver/alerts/#alert-{war.pk}"
    assert alert["finder_url"] == "http://testserver/find/?in=RU"
    [advisory] = body["advisories"]
    assert advisory | {"published": None, "updated_at": None} == {
        "issuer": "US",
        "issuer_name": "US Department of State",
        "code": "RU",
        "level": 4,
        "parts_only": False,
        "issuer_level": "",
        "title": "Russia - Level 4: Do Not Travel",
        "published": None,
        "link": "https://example.org/US/RU",
        "updated_at": None,
        "credit": None,
    }


def test_one_country(client: Client) -> None:
    make_alert("RU", "Russia is currently at war in Ukraine")
    make_alert("FR", "Strikes")
    make_advisory("US", "FR", 2)
    body = client.get("/api/v1/alerts?country=fr").json()
    assert [a["code"] for a in body["alerts"]] == ["FR"] and len(body["advisories"]) == 1


@pytest.mark.parametrize(("query", "status"), [("country=ZZ", 404), ("country=RUS", 422)])
def test_errors_in_the_one_shape(client: Client, query: str, status: int) -> None:
    response = client.get(f"/api/v1/alerts?{query}")
    assert response.status_code == status and set(response.json()["error"]) == {
        "code",
        "message",
        "details",
    }


def test_in_the_openapi_document(client: Client) -> None:
    assert "/api/v1/alerts" in client.get("/api/v1/openapi.json").json()["paths"]


def test_openapi_states_the_common_scale_fields(client: Client) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    fields = schemas["AdvisoryOut"]["properties"]
    for name in ("issuer", "level", "parts_only", "issuer_level", "published", "link", "credit"):
        assert name in fields, name
    assert "do not travel" in fields["level"]["description"]
    assert set(schemas["AdvisoryOut"]["required"]) >= {"parts_only", "issuer_level", "credit"}
