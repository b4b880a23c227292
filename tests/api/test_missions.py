"""GET /api/v1/missions/{id}: the shared mission shape, QID lookup, and the one error shape."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

DESIGN_KEYS = {"id", "wikidata", "kind", "sending", "host", "city", "lat", "lon", "url"}
ALL_KEYS = DESIGN_KEYS | {
    "kind_label",
    "title",
    "sending_name",
    "sending_subdivision",
    "host_name",
    "address",
    "phones",
    "emails",
    "website",
    "social",
    "opening_hours",
    "head_of_mission",
    "status",
    "accreditations",
    "regions",
    "photo",
    "inception",
    "sources",
    "updated_at",
    "osm_id",
    "approximate",
    "territory",
    "status_since",
    "moved_to",
    "status_source",
    "verified_at",
    "stale",
    "notice",
}


@pytest.fixture
def embassy() -> Mission:
    return make_mission(
        sending=make_country("CA", "Canada"),
        host=make_country("RU", "Russia"),
        city="Moscow",
        wikidata="Q4374011",
        lat=55.7478,
        lon=37.5953,
        phones=["(495) 925-6000", "ask at the gate"],
        social={"twitter": "CanadaRussia"},
        accreditations=[make_country("BY", "Belarus")],
        inception=dt.date(1942, 6, 12),
        photo="https://example.org/p.jpg",
        photo_author="A. Savin",
        photo_licence="CC BY-SA 4.0",
        photo_licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    )


def test_shape(client: Client, embassy: Mission) -> None:
    response = client.get(f"/api/v1/missions/{embassy.pk}")
    body = response.json()
    assert response.status_code == 200
    assert set(body) == ALL_KEYS
    assert (body["wikidata"], body["sending"], body["host"], body["city"]) == (
        "Q4374011",
        "CA",
        "RU",
        "Moscow",
    )
    assert body["title"] == "Embassy of Canada in Moscow, Russia"
    assert body["phones"] == ["+74959256000", "ask at the gate"]
    assert body["social"] == {"twitter": "https://x.com/CanadaRussia"}
    assert body["accreditations"] == ["BY"]
    assert body["inception"] == "1942-06-12"
    assert body["photo"] == {
        "url": "https://example.org/p.jpg",
        "author": "A. Savin",
        "licence": "CC BY-SA 4.0",
        "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
    }
    assert body["url"] == f"http://testserver{embassy.get_absolute_url()}"


def test_lookup_by_qid(client: Client, embassy: Mission) -> None:
    for ref in ("Q4374011", "q4374011"):
        assert client.get(f"/api/v1/missions/{ref}").json()["id"] == embassy.pk


def test_missing_values_are_null(client: Client) -> None:
    body = client.get(f"/api/v1/missions/{make_mission().pk}").json()
    assert body["wikidata"] is None and body["photo"] is None and body["lat"] is None


def test_not_found_error_shape(client: Client) -> None:
    response = client.get("/api/v1/missions/Q1")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "No mission with id Q1.", "details": None}
    }


def test_invalid_id_error_shape(client: Client) -> None:
    response = client.get("/api/v1/missions/embassy")
    error = response.json()["error"]
    assert response.status_code == 422
    assert error["code"] == "invalid" and error["message"]
    assert error["details"][0]["loc"] == ["path", "ref"]


def test_uncaught_error_shape(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ref: str) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr("embassies.api.missions.mission_by_ref", broken)
    response = client.get("/api/v1/missions/1")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert "fire" not in response.content.decode()  # internals stay in the log


def test_openapi_document(client: Client) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/missions/{ref}" in doc["paths"]
    assert "/api/v1/countries/{code}" in doc["paths"]
    assert "MissionOut" in doc["components"]["schemas"]


def test_docs_page_loads_swagger_locally(client: Client) -> None:
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_unknown_api_path_answers_in_the_error_shape(client: Client) -> None:
    response = client.get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
