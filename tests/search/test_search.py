"""search(): structured matches first (kind, city radius, status), then the full-text index."""

from __future__ import annotations

import pytest

from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission, Status
from embassies.directory.search.engine import search
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def qids(query: str, limit: int = 20) -> list[str | None]:
    return [hit.mission.wikidata for hit in search(query, limit)]


@pytest.fixture
def moscow() -> dict[str, Mission]:
    """Canada's embassy (recorded in a district) and a consulate, and others nearby."""
    ca, ru = country("CA"), country("RU")
    return {
        "embassy": make_mission(
            sending=ca,
            host=ru,
            wikidata="Q4374011",
            city="Moscow",
            address="Khamovniki District",
            lat=55.7467,
            lon=37.595,
            phones=["+7 495 925-60-00"],
            website="https://russia.gc.ca/",
        ),
        "consulate": make_mission(
            sending=ca,
            host=ru,
            wikidata="Q2",
            kind=Kind.CONSULATE,
            city="Vladivostok",
            lat=43.12,
            lon=131.89,
        ),
        "suburb": make_mission(
            sending=country("JP"), host=ru, wikidata="Q3", city="Krasnogorsk", lat=55.82, lon=37.33
        ),
        "far": make_mission(
            sending=country("JP"), host=ru, wikidata="Q4", city="Tver", lat=56.86, lon=35.9
        ),
    }


def test_demonym_kind_and_city_find_the_embassy_first(moscow: dict[str, Mission]) -> None:
    hits = search("canadian embassy moscow")
    assert hits[0].mission == moscow["embassy"]
    assert (
        hits[0].score > 1 and "sending=CA" in hits[0].matched and "city=Moscow" in hits[0].matched
    )


def test_a_city_covers_missions_within_its_radius_not_only_by_name(
    moscow: dict[str, Mission],
) -> None:
    found = qids("japanese embassy moscow")
    assert found[0] == "Q3"  # Krasnogorsk, 18 km from the centre
    assert found[-1] == "Q4"  # Tver, 150 km: listed, after


def test_consulate_asked_in_its_city_comes_first(moscow: dict[str, Mission]) -> None:
    assert qids("consulate of canada in vladivostok")[0] == "Q2"


def test_asking_for_an_embassy_finds_a_high_commission() -> None:
    hc = make_mission(
        sending=country("GB"),
        host=country("CA"),
        kind=Kind.HIGH_COMMISSION,
        city="Ottawa",
        lat=45.42,
        lon=-75.69,
        wikidata="Q10",
    )
    make_mission(
        sending=country("GB"),
        host=country("CA"),
        kind=Kind.CONSULATE_GENERAL,
        city="Toronto",
        lat=43.65,
        lon=-79.38,
        wikidata="Q11",
    )
    assert search("british embassy canada")[0].mission == hc


def test_closed_missions_rank_after_open_ones() -> None:
    make_mission(
        sending=country("FR"),
        host=country("SY"),
        city="Damascus",
        status=Status.CLOSED,
        wikidata="Q20",
        lat=33.51,
        lon=36.29,
    )
    make_mission(
        sending=country("FR"),
        host=country("SY"),
        city="Aleppo",
        kind=Kind.CONSULATE,
        wikidata="Q21",
        lat=36.2,
        lon=37.16,
    )
    assert qids("french embassy syria") == ["Q21", "Q20"]


def test_a_non_resident_embassy_answers_when_none_is_resident() -> None:
    beijing = make_mission(
        sending=country("IS"),
        host=country("CN"),
        city="Beijing",
        accreditations=[country("MN")],
        wikidata="Q30",
    )
    hit = search("embassy of iceland in mongolia")[0]
    assert hit.mission == beijing and hit.matched.startswith("accredited")


def test_full_text_finds_phones_websites_and_ids(moscow: dict[str, Mission]) -> None:
    assert qids("+7 495 925-60-00") == ["Q4374011"]
    assert qids("74959256000") == ["Q4374011"]
    assert qids("russia.gc.ca") == ["Q4374011"]
    assert qids("Q4374011") == ["Q4374011"]
    assert qids("khamovniki") == ["Q4374011"]


def test_limit_is_respected(moscow: dict[str, Mission]) -> None:
    assert len(search("embassies in russia", limit=2)) == 2


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        "'; DROP TABLE directory_mission; --",
        "<script>alert(1)</script>",
        '"embassy" OR NEAR(a b)*',
        "embassy AND NOT moscow",
        "%_%",
        "\x00\x01",
        "😀 embassy",
        "to_tsquery('x')",
        "ab:* & !c",
    ],
)
def test_hostile_or_empty_queries_never_fail(moscow: dict[str, Mission], query: str) -> None:
    hits = search(query)
    assert isinstance(hits, list)
    assert Mission.objects.count() == 4


def test_saving_a_mission_keeps_the_index_in_step(moscow: dict[str, Mission]) -> None:
    embassy = moscow["embassy"]
    embassy.address = "Starokonyushenny Lane 23"
    embassy.save()
    assert qids("starokonyushenny") == ["Q4374011"]
    assert qids("khamovniki") == []
    embassy.delete()
    assert qids("starokonyushenny") == []
