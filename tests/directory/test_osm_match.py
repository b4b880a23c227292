"""Matching OSM elements to missions: clear matches merge, anything doubtful does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from embassies.directory.importing.osm import parse_answer
from embassies.directory.importing.osm_match import Match, MissionIndex, match_all
from embassies.directory.models import Mission
from tests.directory.osm_answers import answer, node, write_answer
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


def match(*elements: dict[str, Any]) -> list[Match]:
    return match_all(parse_answer(answer(*elements)).records, MissionIndex.load())


def consulate(osm_id: int, lat: float, lon: float, **tags: str) -> dict[str, Any]:
    base = {"office": "diplomatic", "diplomatic": "consulate", "consulate": "consulate_general"}
    return node(osm_id, lat, lon, **(base | {"country": "US"} | tags))


@pytest.fixture
def germany() -> dict[str, Any]:
    return {"sending": make_country("US", "United States"), "host": make_country("DE", "Germany")}


def test_two_missions_about_as_near_are_not_merged(
    germany: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Wikidata's two items for one consulate general in Frankfurt, 250 m apart.
    a = make_mission(**germany, city="Frankfurt", kind="consulate_general", lat=50.1290, lon=8.6650)
    b = make_mission(**germany, city="Frankfurt", kind="consulate_general", lat=50.1312, lon=8.6652)
    [found] = match(consulate(1, 50.1301, 8.6651))
    assert found.mission_id is None and found.ambiguous
    assert found.reason == f"ambiguous: missions {a.pk}, {b.pk} fit about as well"
    path = write_answer(tmp_path / "fra.json", answer(consulate(1, 50.1301, 8.6651)))
    call_command("import", "osm-json", str(path))
    assert not Mission.objects.filter(osm_id__isnull=False).exists()
    assert "unmatched 1 (ambiguous 1)" in capsys.readouterr().out


def test_a_clearly_nearer_mission_is_matched(germany: dict[str, Any]) -> None:
    near = make_mission(
        **germany, city="Frankfurt", kind="consulate_general", lat=50.129, lon=8.665
    )
    make_mission(**germany, city="Frankfurt", kind="consulate_general", lat=50.140, lon=8.690)
    [found] = match(consulate(1, 50.1293, 8.6655))
    assert found.mission_id == near.pk


def test_the_same_senders_office_of_another_kind_is_not_merged(germany: dict[str, Any]) -> None:
    make_mission(**germany, city="Berlin", kind="embassy", lat=52.5163, lon=13.3777)
    honorary = node(2, 52.5170, 13.3790, office="diplomatic", diplomatic="honorary_consulate")
    [found] = match(honorary | {"tags": honorary["tags"] | {"country": "US"}})
    assert found.mission_id is None
    assert found.reason == "no mission of US in DE (honorary_consulate) within 10 km"


def test_a_related_kind_is_matched(germany: dict[str, Any]) -> None:
    # OSM says consulate, Wikidata consulate general: the same office.
    munich = make_mission(
        **germany, city="Munich", kind="consulate_general", lat=48.1430, lon=11.5860
    )
    [found] = match(
        node(3, 48.1440, 11.5850, office="diplomatic", diplomatic="consulate", country="US")
    )
    assert found.mission_id == munich.pk


def test_another_senders_mission_nearby_is_not_merged(germany: dict[str, Any]) -> None:
    make_mission(**germany, city="Berlin", kind="embassy", lat=52.5163, lon=13.3777)
    [found] = match(
        node(4, 52.5165, 13.3780, office="diplomatic", diplomatic="embassy", country="FR")
    )
    assert found.mission_id is None and found.reason == "no mission of FR in DE"


def test_an_element_already_linked_matches_its_mission_wherever_it_is(
    germany: dict[str, Any],
) -> None:
    linked = make_mission(
        **germany, city="Berlin", kind="embassy", lat=52.5, lon=13.4, osm_id="node/5"
    )
    [found] = match(node(5, 48.0, 11.0, office="diplomatic", diplomatic="embassy", country="US"))
    assert found.mission_id == linked.pk


def test_a_mission_linked_to_another_element_is_not_taken(germany: dict[str, Any]) -> None:
    make_mission(**germany, city="Berlin", kind="embassy", lat=52.5163, lon=13.3777, osm_id="way/9")
    [found] = match(
        node(6, 52.5164, 13.3778, office="diplomatic", diplomatic="embassy", country="US")
    )
    assert found.mission_id is None and found.reason == "the mission nearby is linked to way/9"


def test_two_elements_for_one_mission_only_a_clear_winner_takes_it(germany: dict[str, Any]) -> None:
    berlin = make_mission(**germany, city="Berlin", kind="embassy", lat=52.5163, lon=13.3777)
    tags = {"office": "diplomatic", "diplomatic": "embassy", "country": "US"}
    close, far = match(node(7, 52.5164, 13.3778, **tags), node(8, 52.5300, 13.4000, **tags))
    assert close.mission_id == berlin.pk and far.mission_id is None
    first, second = match(node(7, 52.5164, 13.3778, **tags), node(8, 52.5162, 13.3776, **tags))
    assert first.mission_id is None and second.mission_id is None and first.ambiguous


def test_a_name_naming_another_sender_vetoes_the_match(germany: dict[str, Any]) -> None:
    make_mission(**germany, city="Berlin", kind="embassy", lat=52.5163, lon=13.3777)
    tags = {"office": "diplomatic", "diplomatic": "embassy", "country": "US"}
    [found] = match(node(9, 52.5164, 13.3778, **tags, name="Botschaft von Kanada"))
    assert found.mission_id is None and "names CA" in found.reason


def test_legacy_tag_takes_its_kind_from_the_name(germany: dict[str, Any]) -> None:
    make_mission(**germany, city="Berlin", kind="embassy", lat=52.5163, lon=13.3777)
    legacy = {"amenity": "embassy", "country": "US", "name": "US Honorary Consulate"}
    [record] = parse_answer(answer(node(10, 52.5164, 13.3778, **legacy))).records
    assert record.kind == "honorary_consulate"
    [found] = match(node(10, 52.5164, 13.3778, **legacy))
    assert found.mission_id is None  # an honorary consulate is not the embassy next door


def test_target_names_the_host_of_missions_to_the_holy_see() -> None:
    us = make_country("US", "United States")
    to_italy = make_mission(
        sending=us,
        host=make_country("IT", "Italy"),
        city="Rome",
        kind="embassy",
        lat=41.9067,
        lon=12.4922,
    )
    to_holy_see = make_mission(
        sending=us,
        host=make_country("VA", "Vatican City"),
        city="Rome",
        kind="embassy",
        lat=41.8836,
        lon=12.4871,
    )
    tags = {"office": "diplomatic", "diplomatic": "embassy", "country": "US"}
    holy_see, italy = match(
        node(11, 41.8838, 12.4870, **tags, target="VA"), node(12, 41.9069, 12.4920, **tags)
    )
    assert (holy_see.mission_id, italy.mission_id) == (to_holy_see.pk, to_italy.pk)


def test_a_mission_without_coordinates_is_matched_by_its_city(germany: dict[str, Any]) -> None:
    hamburg = make_mission(**germany, city="Hamburg", kind="consulate_general")
    make_mission(**germany, city="Düsseldorf", kind="consulate_general")
    [found] = match(consulate(13, 53.5600, 10.0010))
    assert found.mission_id == hamburg.pk and found.reason == "3.00 km"
