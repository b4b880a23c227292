"""GET /api/v1/missions: filters, stable cursor pages that neither skip nor repeat."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client

from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def missions() -> None:
    russia, germany, canada = (
        make_country("RU", "Russia"),
        make_country("DE", "Germany"),
        make_country("CA", "Canada"),
    )
    make_mission(wikidata="Q1", sending=canada, host=russia, city="Moscow", lat=55.7467, lon=37.595)
    make_mission(
        wikidata="Q2",
        sending=canada,
        host=russia,
        city="Vladivostok",
        lat=43.13,
        lon=131.89,
        kind="consulate",
    )
    make_mission(wikidata="Q3", sending=canada, host=germany, city="Berlin", lat=52.51, lon=13.37)
    make_mission(
        wikidata="Q4",
        sending=germany,
        host=russia,
        city="Moscow",
        lat=55.73,
        lon=37.55,
        status="suspended",
    )


def qids(client: Client, query: str) -> list[str]:
    response = client.get("/api/v1/missions?" + query)
    assert response.status_code == 200, response.content
    return [m["wikidata"] for m in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("host=RU", ["Q1", "Q2", "Q4"]),
        ("sending=ca&host=ru", ["Q1", "Q2"]),
        ("kind=consulate", ["Q2"]),
        ("city=moscow", ["Q1", "Q4"]),
        ("status=suspended", ["Q4"]),
        ("near=55.75,37.6&radius_km=10", ["Q1", "Q4"]),
        ("near=52.52,13.40&radius_km=5", ["Q3"]),
        ("updated_since=2000-01-01", ["Q1", "Q2", "Q3", "Q4"]),
        ("updated_since=2999-01-01T00:00:00Z", []),
    ],
)
def test_filters(client: Client, missions: None, query: str, expected: list[str]) -> None:
    assert qids(client, query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "host=Russia",
        "kind=castle",
        "near=999,999",
        "radius_km=-1&near=1,1",
        "updated_since=soon",
        "limit=0",
        "limit=100000",
        "cursor=%%%",
        "cursor=-1",
    ],
)
def test_bad_filters_are_422_in_the_error_shape(client: Client, missions: None, query: str) -> None:
    response = client.get("/api/v1/missions?" + query)
    assert response.status_code == 422
    assert set(response.json()["error"]) == {"code", "message", "details"}


def test_pages_neither_skip_nor_repeat_under_concurrent_inserts(
    client: Client, missions: None
) -> None:
    seen: list[str] = []
    query = "limit=2"
    added = 0
    while True:
        body = client.get(f"/api/v1/missions?{query}").json()
        seen += [m["wikidata"] for m in body["results"]]
        if added < 2:  # someone adds missions while we page
            added += 1
            make_mission(wikidata=f"QN{added}", city="Omsk")
        if not body["next_cursor"]:
            break
        query = f"limit=2&cursor={body['next_cursor']}"
    assert len(seen) == len(set(seen))
    assert seen[:4] == ["Q1", "Q2", "Q3", "Q4"]
    assert {"QN1", "QN2"} <= set(seen)  # added before the last page: listed once, at the end


def test_countries_list_has_counts(client: Client, missions: None) -> None:
    rows = {c["code"]: c for c in client.get("/api/v1/countries").json()["results"]}
    assert rows["RU"]["missions_hosted"] == 3 and rows["CA"]["missions_abroad"] == 3


def test_values_a_database_cannot_take_are_422_not_500(client: Client, missions: None) -> None:
    assert client.get("/api/v1/missions?city=a%00b").status_code == 422
    assert client.get("/api/v1/exports/missions.csv?city=a%00b").status_code == 422


@pytest.mark.parametrize(
    ("since", "expected"),
    [("9999-12-31T23:59:59-23:59", []), ("0001-01-01T00:00:00+05:00", ["Q1", "Q2", "Q3", "Q4"])],
)
def test_times_whose_utc_is_past_year_9999_or_before_year_1_are_taken_not_refused(
    client: Client, missions: None, since: str, expected: list[str]
) -> None:
    # Valid date-times by the OpenAPI document: the earliest or latest time a database stores.
    assert qids(client, "updated_since=" + quote(since)) == expected
    assert (
        client.get("/api/v1/exports/missions.csv?updated_since=" + quote(since)).status_code == 200
    )


@pytest.mark.parametrize(
    "url",
    ["/api/v1/missions?cursor=99999999999999999999999", "/api/v1/missions/99999999999999999999999"],
)
def test_numbers_past_64_bits_are_refused_not_a_500(client: Client, url: str) -> None:
    assert client.get(url).status_code in {404, 422}
