"""A mission in a territory the host does not control (Abkhazia in Georgia) is never offered
as help there, under any rule: own, accredited, arrangement, EU."""

from __future__ import annotations

import pytest

from embassies.assistance.finder import find
from embassies.assistance.models import Arrangement
from embassies.countries.models import Country
from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def c(code: str) -> Country:
    return Country.objects.get(code=code)


def in_abkhazia(sending: str, **fields: object) -> Mission:
    return make_mission(
        sending=c(sending), host=c("GE"), city="Sokhumi", territory="Abkhazia", **fields
    )


def offered(citizen: str, host: str) -> list[Mission | None]:
    return [a.mission for a in find(citizen, host).answers]


def test_own_mission_in_the_territory_is_not_offered() -> None:
    in_abkhazia("RU")
    tbilisi = make_mission(sending=c("RU"), host=c("GE"), city="Tbilisi")
    assert offered("RU", "GE") == [tbilisi]


def test_no_fallback_to_a_territory_mission_either() -> None:
    in_abkhazia("VE")
    assert offered("VE", "GE") == []


def test_accredited_mission_in_the_territory_is_not_offered() -> None:
    in_abkhazia("NI", accreditations=[c("AM")])
    assert offered("NI", "AM") == []


def test_protecting_power_mission_in_the_territory_is_not_offered() -> None:
    in_abkhazia("CH")
    Arrangement.objects.create(
        represented=c("RU"),
        host=c("GE"),
        representing=c("CH"),
        kind="interests_section",
        source_url="https://example.org",
    )
    answers = find("RU", "GE").answers
    assert [a.mission for a in answers] == [None]  # the arrangement, without that office
    assert answers[0].representing.code == "CH"


def test_eu_mission_in_the_territory_is_not_offered() -> None:
    france = make_mission(sending=c("FR"), host=c("GE"), city="Tbilisi")
    in_abkhazia("DE")
    assert offered("LU", "GE") == [france]
