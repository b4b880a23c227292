"""The finder on the real snapshot, representation.csv and emergency_lines.csv: issue 3's examples."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest

from embassies.assistance.finder import find
from embassies.assistance.importing import import_emergency_csv, import_representation_csv
from embassies.assistance.models import Arrangement, EmergencyLine
from tests.conftest import SHARED

pytestmark = [pytest.mark.django_db, pytest.mark.snapshot]

VLADIVOSTOK = (43.1155, 131.8855)


class Quiet:
    stdout = StringIO()


@pytest.fixture(scope="module")
def world(imported_snapshot: object, django_db_blocker: object) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        import_representation_csv(str(SHARED / "data" / "representation.csv"), Quiet())
        import_emergency_csv(str(SHARED / "data" / "emergency_lines.csv"), Quiet())
        yield
        Arrangement.objects.all().delete()
        EmergencyLine.objects.all().delete()


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
    answer = find("US", "IR").answers[0]
    assert (answer.mission.sending_id, answer.basis) == ("CH", "interests_section")
    assert answer.source_url == "https://ir.usembassy.gov/services/"


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
    assert all(a.mission.sending_id != "CH" for a in result.answers)
