"""GET /api/v1/search: the DESIGN shape, and a clear 4xx (never a 500) for bad input."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

DESIGN_KEYS = {"id", "wikidata", "kind", "sending", "host", "city", "lat", "lon", "url"}


@pytest.fixture
def embassy() -> Mission:
    return make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595, address="Khamovniki District")


def test_results_are_missions_in_the_shared_shape(client: Client, embassy: Mission) -> None:
    response = client.get("/api/v1/search", {"q": "canadian embassy moscow", "limit": 5})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first.keys() >= DESIGN_KEYS
    assert (first["wikidata"], first["sending"], first["host"], first["city"]) == (
        "Q4374011",
        "CA",
        "RU",
        "Moscow",
    )
    assert first["url"].startswith("http://testserver/missions/")


def test_empty_query_gives_no_results(client: Client, embassy: Mission) -> None:
    assert client.get("/api/v1/search", {"q": ""}).json() == {"results": []}
    assert client.get("/api/v1/search").json() == {"results": []}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 5000}, "q"),
        ({"q": "a", "limit": 0}, "limit"),
        ({"q": "a", "limit": 101}, "limit"),
        ({"q": "a", "limit": "many"}, "limit"),
    ],
)
def test_bad_parameters_get_the_one_error_shape(client: Client, params: dict, field: str) -> None:
    response = client.get("/api/v1/search", params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["message"]
    assert error["details"][0]["loc"] == ["query", field]


@pytest.mark.parametrize(
    "q",
    ["'; DROP TABLE directory_mission; --", "<script>alert(1)</script>", '" OR 1=1 --', "a:* & !b"],
)
def test_sql_and_script_fragments_are_just_words(client: Client, embassy: Mission, q: str) -> None:
    response = client.get("/api/v1/search", {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
    assert Mission.objects.count() == 1


def test_openapi_documents_search_and_find(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/search", "/api/v1/find"} <= paths.keys()
