"""The finder's rules, in order, on small hand-made data (the real snapshot: test_finder_snapshot)."""

from __future__ import annotations

import pytest

from embassies.assistance.finder import FinderError, find
from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission, Status
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

VLADIVOSTOK = (43.1155, 131.8855)


def c(code: str) -> Country:
    return Country.objects.get(code=code)


def mission(sending: str, host: str, city: str, **fields: object) -> Mission:
    return make_mission(sending=c(sending), host=c(host), city=city, **fields)


def test_own_missions_nearest_first_when_a_point_is_given() -> None:
    embassy = mission("AU", "RU", "Moscow", lat=55.75, lon=37.64)
    consulate = mission(
        "AU", "RU", "Vladivostok", kind=Kind.CONSULATE_GENERAL, lat=43.13, lon=131.89
    )
    result = find("AU", "RU", VLADIVOSTOK)
    assert [a.mission for a in result.answers] == [consulate, embassy]
    assert result.answers[0].distance_km is not None and result.answers[0].distance_km < 5
    assert result.answers[1].distance_km > 6000  # type: ignore[operator]
    assert (
        result.answers[0].basis == "own"
        and "Australia’s own consulate general" in result.answers[0].reason
    )


def test_without_a_point_the_embassy_comes_first_and_honorary_consuls_last() -> None:
    honorary = mission("AU", "RU", "Sochi", kind=Kind.HONORARY_CONSULATE, lat=43.6, lon=39.7)
    consulate = mission("AU", "RU", "Vladivostok", kind=Kind.CONSULATE_GENERAL)
    embassy = mission("AU", "RU", "Moscow")
    assert [a.mission for a in find("AU", "RU").answers] == [embassy, consulate, honorary]
    near_sochi = find("AU", "RU", (43.6, 39.7)).answers
    assert near_sochi[-1].mission == honorary


def test_suspended_and_closed_missions_are_listed_apart() -> None:
    suspended = mission("CA", "UA", "Kyiv", status=Status.SUSPENDED)
    result = find("CA", "UA")
    assert result.answers == []
    assert [a.mission for a in result.unavailable] == [suspended]
    assert "operations suspended" in result.unavailable[0].reason


def test_non_resident_embassy_accredited_to_the_host() -> None:
    beijing = mission("IS", "CN", "Beijing", accreditations=[c("MN")])
    result = find("IS", "MN")
    assert [a.mission for a in result.answers] == [beijing]
    assert result.answers[0].basis == "accredited"
    assert "also covers Mongolia" in result.answers[0].reason


def test_protecting_power_with_its_source() -> None:
    swiss = mission("CH", "IR", "Tehran")
    Arrangement.objects.create(
        represented=c("US"),
        host=c("IR"),
        representing=c("CH"),
        kind="interests_section",
        scope="Passports and notarials",
        source_url="https://ir.usembassy.gov/services/",
    )
    answer = find("US", "IR").answers[0]
    assert answer.mission == swiss and answer.basis == "interests_section"
    assert answer.source_url == "https://ir.usembassy.gov/services/"
    assert "Switzerland looks after the United States’ interests in Iran" in answer.reason


def test_diplomatic_only_mandate_is_not_offered_as_help() -> None:
    mission("CH", "CA", "Ottawa")
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
    assert "does not cover consular help" in result.unavailable[0].reason


def test_consular_sharing_and_nordic_rule() -> None:
    australia = mission("AU", "VU", "Port Vila", kind=Kind.HIGH_COMMISSION)
    Arrangement.objects.create(
        represented=c("CA"),
        host=c("VU"),
        representing=c("AU"),
        kind="consular_sharing",
        source_url="https://vanuatu.highcommission.gov.au/pvla/consular.html",
    )
    assert find("CA", "VU").answers[0].mission == australia
    sweden = mission("SE", "KP", "Pyongyang")
    mission("DE", "KP", "Pyongyang")  # not Nordic: not offered to an Icelander
    Arrangement.objects.create(
        represented=c("IS"), kind="nordic", source_url="https://example.org/nordic"
    )
    answers = find("IS", "KP").answers
    assert [a.mission for a in answers] == [sweden]
    assert "Helsinki" in answers[0].reason


def test_eu_citizen_without_a_mission_may_use_any_other_member_state() -> None:
    france = mission("FR", "MN", "Ulaanbaatar", lat=47.92, lon=106.92)
    germany = mission("DE", "MN", "Ulaanbaatar", lat=47.91, lon=106.93)
    mission("US", "MN", "Ulaanbaatar")  # not EU
    mission("IT", "MN", "Darkhan", kind=Kind.HONORARY_CONSULATE)  # honorary: not offered
    answers = find("LU", "MN").answers
    assert {a.mission for a in answers} == {france, germany}
    assert all(a.basis == "eu" for a in answers)
    assert "Article 20(2)(c) TFEU" in find("LU", "MN").eu_rule
    assert "EU member state" in answers[0].reason and "TFEU" not in answers[0].reason


def test_eu_rule_does_not_apply_inside_the_eu() -> None:
    mission("FR", "DE", "Berlin")
    assert find("LU", "DE").answers == []


def test_own_mission_means_no_fallbacks() -> None:
    own = mission("DE", "MN", "Ulaanbaatar")
    mission("FR", "MN", "Ulaanbaatar")
    assert [a.mission for a in find("DE", "MN").answers] == [own]


def test_emergency_lines_always_and_a_plain_message_when_nothing_is_known() -> None:
    EmergencyLine.objects.create(
        country=c("NZ"), name="MFAT", phone="+64 4 439 8000", source_url="https://x.nz"
    )
    result = find("NZ", "TV")
    assert result.answers == [] and [line.phone for line in result.emergency_lines] == [
        "+64 4 439 8000"
    ]
    assert result.message.startswith("You are New Zealand")
    assert result.message.endswith(
        "in Tuvalu: no office is known that can help you there; call your foreign ministry’s emergency line."
    )


@pytest.mark.parametrize(
    ("citizen", "host", "near", "field"),
    [
        ("XX", "RU", None, "citizen"),
        ("AU", "ZZ", None, "in"),
        ("", "RU", None, "citizen"),
        ("AUS", "RU", None, "citizen"),
        ("AU", "RU", (999.0, 999.0), "near"),
        ("AU", "RU", (float("nan"), 0.0), "near"),
    ],
)
def test_bad_input_raises_finder_error(
    citizen: str, host: str, near: tuple | None, field: str
) -> None:
    with pytest.raises(FinderError) as error:
        find(citizen, host, near)
    assert error.value.field == field


def test_lower_case_codes_are_fine() -> None:
    assert find("au", "ru").citizen.code == "AU"
