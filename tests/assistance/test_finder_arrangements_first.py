"""A protecting power or interests section for this host comes first; the state's own offices
there are listed apart unless a later source (a reopening, an editor) says they serve; an
arrangement is offered even when no office of the representing state is known."""

from __future__ import annotations

import pytest

from embassies.assistance.finder import find
from embassies.assistance.models import Arrangement
from embassies.countries.models import Country
from embassies.directory.models import FactStatus, Mission, StatusFact
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def c(code: str) -> Country:
    return Country.objects.get(code=code)


def mission(sending: str, host: str, city: str, **fields: object) -> Mission:
    return make_mission(sending=c(sending), host=c(host), city=city, **fields)


def section(represented: str, host: str, by: str, since: str = "2009") -> Arrangement:
    return Arrangement.objects.create(
        represented=c(represented),
        host=c(host),
        representing=c(by),
        kind="interests_section",
        scope="Passports and notarials",
        since=since,
        source_url="https://example.org/mandate",
    )


def test_arrangement_comes_first_and_the_own_embassy_is_listed_apart() -> None:
    own = mission("UA", "GE", "Tbilisi")
    swiss = mission("CH", "GE", "Tbilisi")
    section("UA", "GE", "CH")
    result = find("UA", "GE")
    assert [a.mission for a in result.answers] == [swiss]
    assert result.answers[0].basis == "interests_section"
    assert [a.mission for a in result.unavailable] == [own]
    reason = result.unavailable[0].reason
    assert "Switzerland has handled the interests of Ukraine in Georgia since 2009" in reason
    assert "not known to serve citizens" in reason


def test_an_undated_arrangement_counts_as_current() -> None:
    own = mission("UA", "GE", "Tbilisi")
    section("UA", "GE", "CH", since="")
    result = find("UA", "GE")
    assert own not in [a.mission for a in result.answers]
    assert [a.mission for a in result.unavailable] == [own]


def test_a_reopening_after_the_arrangement_brings_the_own_mission_back() -> None:
    own = mission("UA", "GE", "Tbilisi")
    mission("CH", "GE", "Tbilisi")
    section("UA", "GE", "CH", since="2009-01")
    StatusFact.objects.create(
        mission=own, status=FactStatus.REOPENED, since="2012-05", source_url="https://x.org"
    )
    result = find("UA", "GE")
    assert [a.mission for a in result.answers] == [own]
    assert result.unavailable == []


def test_a_reopening_before_the_arrangement_does_not() -> None:
    own = mission("UA", "GE", "Tbilisi")
    section("UA", "GE", "CH", since="2009-01")
    StatusFact.objects.create(
        mission=own, status=FactStatus.REOPENED, since="2005", source_url="https://x.org"
    )
    assert own not in [a.mission for a in find("UA", "GE").answers]


def test_an_editors_status_outweighs_the_arrangement_but_a_wikidata_listing_does_not() -> None:
    listed = mission("UA", "GE", "Tbilisi", sources={"status": "wikidata"})
    section("UA", "GE", "CH")
    assert listed not in [a.mission for a in find("UA", "GE").answers]
    listed.sources = {"status": "editor:admin:ana"}
    listed.save()
    assert [a.mission for a in find("UA", "GE").answers] == [listed]


def test_accredited_missions_of_the_represented_state_are_also_listed_apart() -> None:
    yerevan = mission("UA", "AM", "Yerevan", accreditations=[c("GE")])
    section("UA", "GE", "CH")
    result = find("UA", "GE")
    assert yerevan not in [a.mission for a in result.answers]
    assert yerevan in [a.mission for a in result.unavailable]


def test_arrangement_with_no_known_office_is_offered_with_what_is_known() -> None:
    mission("US", "AF", "Kabul")
    Arrangement.objects.create(
        represented=c("US"),
        host=c("AF"),
        representing=c("QA"),
        kind="interests_section",
        scope="Certain consular services",
        since="2021-12-31",
        source_url="https://example.org/qatar",
    )
    answer = find("US", "AF").answers[0]
    assert answer.mission is None and answer.office is not None
    assert (
        answer.representing.code == "QA"
        and answer.office.title == "Embassy of Qatar in Afghanistan"
    )
    assert answer.since == "2021-12-31" and answer.source_url == "https://example.org/qatar"
    assert "Certain consular services" in answer.reason


def test_a_diplomatic_only_arrangement_with_no_known_office_is_listed_apart() -> None:
    Arrangement.objects.create(
        represented=c("IR"),
        host=c("CA"),
        representing=c("CH"),
        kind="protecting_power",
        covers_consular=False,
        source_url="https://example.org",
    )
    result = find("IR", "CA")
    assert result.answers == []
    assert result.unavailable[0].mission is None
    assert result.unavailable[0].representing.code == "CH"


def test_consular_sharing_does_not_stand_for_own_missions() -> None:
    own = mission("CA", "VU", "Port Vila", kind="honorary_consulate")
    mission("AU", "VU", "Port Vila", kind="high_commission")
    Arrangement.objects.create(
        represented=c("CA"),
        host=c("VU"),
        representing=c("AU"),
        kind="consular_sharing",
        source_url="https://example.org",
    )
    result = find("CA", "VU")
    assert own in [a.mission for a in result.answers]
    assert result.unavailable == []
