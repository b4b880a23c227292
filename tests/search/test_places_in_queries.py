"""A place a query names is that place: a region like Bali is found where it is, never a
namesake abroad that only a romanisation or a typo links to it; and a state's two missions in
Rome, to Italy and to the Holy See, come back as two results with two titles."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission
from embassies.directory.search.engine import search
from embassies.directory.search.places import cities_named
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def test_bali_names_a_place_in_indonesia_and_never_bari() -> None:
    named = cities_named("bali")
    assert "ID" in {city.country for city in named}
    assert "Bari" not in {city.name for city in named}


@pytest.fixture
def australia() -> dict[str, Mission]:
    """Australia's embassy in Jakarta and consulate general in Bali, and its embassy in Rome,
    by Bari, the Italian city whose Chinese name GeoNames romanises as "bali"."""
    au, indonesia, italy = country("AU"), country("ID"), country("IT")
    return {
        "jakarta": make_mission(
            sending=au, host=indonesia, wikidata="Q1", city="Jakarta", lat=-6.232, lon=106.834
        ),
        "bali": make_mission(
            sending=au,
            host=indonesia,
            wikidata="Q2",
            kind=Kind.CONSULATE_GENERAL,
            city="Denpasar",
            lat=-8.68,
            lon=115.22,
        ),
        "rome": make_mission(
            sending=au, host=italy, wikidata="Q3", city="Rome", lat=41.9, lon=12.5
        ),
    }


def test_australian_embassy_bali_lists_australias_missions_in_indonesia_nearest_first(
    australia: dict[str, Mission],
) -> None:
    hits = search("australian embassy bali")
    assert [hit.mission for hit in hits] == [australia["bali"], australia["jakarta"]]
    assert all(hit.distance_km is not None for hit in hits)
    assert hits[0].distance_km < hits[1].distance_km  # type: ignore[operator]


@pytest.fixture
def rome() -> dict[str, Mission]:
    """Canada's embassy to Italy and its embassy to the Holy See, both in Rome."""
    ca, italy = country("CA"), country("IT")
    return {
        "italy": make_mission(
            sending=ca, host=italy, wikidata="Q10", city="Rome", lat=41.917, lon=12.514
        ),
        "holy_see": make_mission(
            sending=ca,
            host=italy,
            wikidata="Q11",
            city="Rome",
            lat=41.9,
            lon=12.465,
            accreditations=[country("VA")],
        ),
    }


def test_the_embassies_to_italy_and_to_the_holy_see_are_two_results_with_two_titles(
    rome: dict[str, Mission],
) -> None:
    hits = search("canadian embassy rome")
    assert {hit.mission.pk for hit in hits} == {rome["italy"].pk, rome["holy_see"].pk}
    assert sorted(hit.mission.title for hit in hits) == [
        "Embassy of Canada in Rome, Italy",
        "Embassy of Canada to the Holy See",
    ]


def test_the_search_api_and_page_title_them_apart(client: Client, rome: dict[str, Mission]) -> None:
    results = client.get("/api/v1/search", {"q": "canadian embassy rome"}).json()["results"]
    assert len({result["title"] for result in results}) == len(results) == 2
    page = client.get("/search/", {"q": "canadian embassy rome"}).content.decode()
    assert "Embassy of Canada to the Holy See" in page
    assert "Embassy of Canada in Rome, Italy" in page
