"""Missions placed at their city's centre take part in nearest-first, and a point in the
mission's city reads "in CITY", not a distance to the city's centre."""

from __future__ import annotations

import pytest

from embassies.assistance.finder import find
from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission
from embassies.lib import gazetteer
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

YEKATERINBURG = (56.84, 60.6)


def c(code: str) -> Country:
    return Country.objects.get(code=code)


def city(name: str, country: str) -> gazetteer.City:
    return gazetteer.find_by_name(name, country)[0]


def placed(sending: str, name: str, **fields: object) -> Mission:
    """A mission of `sending` in Russia at its city's centre, as the import places it."""
    where = city(name, "RU")
    return make_mission(
        sending=c(sending),
        host=c("RU"),
        city=where.name,
        city_geonameid=where.geonameid,
        lat=where.lat,
        lon=where.lon,
        position_approximate=True,
        **fields,
    )


def test_approximate_positions_order_nearest_first() -> None:
    moscow = make_mission(sending=c("FR"), host=c("RU"), city="Moscow", lat=55.75, lon=37.6)
    yekaterinburg = placed("FR", "Yekaterinburg", kind=Kind.CONSULATE_GENERAL)
    answers = find("FR", "RU", YEKATERINBURG).answers
    assert [a.mission for a in answers] == [yekaterinburg, moscow]
    assert answers[0].in_city == "Yekaterinburg" and answers[1].in_city == ""
    assert answers[1].distance_km is not None and answers[1].distance_km > 1000


def test_a_precise_mission_in_the_points_city_also_reads_in_city() -> None:
    moscow = city("Moscow", "RU")
    make_mission(
        sending=c("FR"),
        host=c("RU"),
        city="Moscow",
        city_geonameid=moscow.geonameid,
        lat=55.7321,
        lon=37.6128,
    )
    answer = find("FR", "RU", (55.76, 37.62)).answers[0]
    assert answer.in_city == "Moscow" and answer.distance_km is not None


def test_a_mission_in_another_city_keeps_its_distance() -> None:
    placed("FR", "Saint Petersburg")
    answer = find("FR", "RU", YEKATERINBURG).answers[0]
    assert answer.in_city == "" and answer.distance_km is not None and answer.distance_km > 1000
