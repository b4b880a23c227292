"""The finder on the real snapshot, representation.csv and emergency_lines.csv: issue 3's examples."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command

from embassies.assistance.finder import find
from embassies.assistance.importing import import_emergency_csv, import_representation_csv
from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.bundled import DATA_DIR
from embassies.directory.models import Mission, StatusFact

pytestmark = [pytest.mark.django_db, pytest.mark.snapshot]

VLADIVOSTOK = (43.1155, 131.8855)


class Quiet:
    stdout = StringIO()


@pytest.fixture(scope="module")
def world(imported_snapshot: object, django_db_blocker: object) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        import_representation_csv(str(DATA_DIR / "representation.csv"), Quiet())
        import_emergency_csv(str(DATA_DIR / "emergency_lines.csv"), Quiet())
        call_command("import", "mission-status-csv", str(DATA_DIR / "mission_status.csv"))
        yield
        Arrangement.objects.all().delete()
        EmergencyLine.objects.all().delete()
        StatusFact.objects.all().delete()


def test_australian_near_vladivostok_gets_the_vladivostok_consulate_first(world: None) -> None:
    result = find("AU", "RU", VLADIVOSTOK)
    first = result.answers[0]
    assert first.mission.city == "Vladivostok" and first.basis == "own"
    assert first.distance_km is not None and first.distance_km < 10
    assert result.answers[1].mission.city == "Moscow" and result.answers[1].distance_km > 6000  # type: ignore[operator]
    assert result.emergency_lines[0].phone == "+61 2 6261 3305"


def test_canadian_in_russia_gets_the_embassy_in_moscow(world: None) -> None:
    result = find("CA", "RU")
    assert result.answers[0].mission.wikidata == "Q4374011"
    assert result.message.startswith("You are Canadian in Russia:")


def test_icelander_in_mongolia_gets_the_embassy_in_beijing(world: None) -> None:
    answer = find("IS", "MN").answers[0]
    assert (answer.mission.sending_id, answer.mission.city, answer.basis) == (
        "IS",
        "Beijing",
        "accredited",
    )


def test_american_in_iran_gets_switzerland(world: None) -> None:
    """The Swiss embassy in Tehran is suspended (mission_status.csv, March 2026); the Swiss
    mandate stands: Switzerland is offered, its embassy listed apart with its status."""
    result = find("US", "IR")
    answer = result.answers[0]
    assert (answer.representing.code, answer.basis) == ("CH", "interests_section")
    assert answer.source_url == "https://ir.usembassy.gov/services/"
    assert answer.mission is None and "not operating" in answer.note
    tehran = [a.mission for a in result.unavailable if a.mission and a.mission.sending_id == "CH"]
    assert tehran and tehran[0].status == "suspended"


def test_american_in_north_korea_gets_sweden(world: None) -> None:
    answer = find("US", "KP").answers[0]
    assert (answer.mission.sending_id, answer.mission.city, answer.basis) == (
        "SE",
        "Pyongyang",
        "protecting_power",
    )


def test_canadian_in_vanuatu_gets_the_australian_high_commission(world: None) -> None:
    bases = {(a.mission.sending_id, a.basis) for a in find("CA", "VU").answers}
    assert ("AU", "consular_sharing") in bases


def test_unrepresented_eu_citizen_gets_other_member_states(world: None) -> None:
    answers = find("LU", "MN").answers
    eu = [a for a in answers if a.basis == "eu"]
    assert len(eu) >= 4
    assert {a.mission.sending_id for a in eu} >= {"FR", "DE"}
    assert all(a.mission.sending.is_eu and a.mission.sending_id != "LU" for a in eu)


def test_iranian_in_canada_is_not_sent_to_a_diplomatic_only_protecting_power(world: None) -> None:
    result = find("IR", "CA")
    assert all(a.representing.code != "CH" for a in result.answers)


def test_american_in_afghanistan_gets_qatar_not_the_kabul_embassy(world: None) -> None:
    result = find("US", "AF")
    first = result.answers[0]
    assert (first.representing.code, first.basis) == ("QA", "interests_section")
    assert first.since == "2021-12-31" and first.source_url
    assert all(a.mission is None or a.mission.sending_id != "US" for a in result.answers)
    kabul = [a for a in result.unavailable if a.mission and a.mission.sending_id == "US"]
    assert kabul and "relocated since 31 August 2021" in kabul[0].reason
    assert "Doha" in kabul[0].reason


def test_ukrainian_in_russia_is_never_sent_to_the_closed_embassy(world: None) -> None:
    result = find("UA", "RU")
    assert all(a.mission is None or a.mission.sending_id != "UA" for a in result.answers)
    moscow = next(a for a in result.unavailable if a.mission and a.mission.city == "Moscow")
    assert "closed since 24 February 2022" in moscow.reason and moscow.source_url


def test_russian_in_georgia_gets_the_swiss_embassy_not_sukhumi(world: None) -> None:
    result = find("RU", "GE")
    first = result.answers[0]
    assert first.mission is not None and first.mission.sending_id == "CH"
    assert first.mission.city == "Tbilisi" and first.basis == "interests_section"
    everything = result.answers + result.unavailable
    assert not [a for a in everything if a.mission and a.mission.territory]
    assert all(a.mission is None or a.mission.sending_id != "RU" for a in result.answers)


def test_french_near_yekaterinburg_gets_the_consulate_general_there_first(world: None) -> None:
    first = find("FR", "RU", (56.84, 60.6)).answers[0]
    assert first.mission is not None and first.mission.city == "Yekaterinburg"
    assert first.mission.position_approximate and first.in_city == "Yekaterinburg"


def test_british_near_bali_gets_the_bali_consulate_first(world: None) -> None:
    answers = find("GB", "ID", (-8.65, 115.2)).answers
    first = answers[0].mission
    assert first is not None and "Bali" in (first.city, first.address)
    assert answers[0].distance_km is not None and answers[0].distance_km < 30
    assert answers[1].mission is not None and answers[1].mission.city == "Jakarta"


def test_nearly_every_mission_with_a_city_has_a_position(world: None) -> None:
    labelled = Mission.objects.exclude(city="")
    assert labelled.filter(lat__isnull=False).count() / labelled.count() >= 0.99
