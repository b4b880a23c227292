"""A mission no source or editor has confirmed within EMBASSIES_STALE_DAYS carries a plain
notice wherever it is offered: its page, search results, the finder, the emergency card, its
vCard and every API answer; a freshly confirmed one carries none."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

OLD = "These details come from Wikidata as of November 2022 and may be out of date: call before you go."
NEVER = "No source or editor has confirmed these details: call before you go."


def _embassy(verified_at: datetime | None) -> Mission:
    return make_mission(
        wikidata="Q4374011",
        lat=55.7467,
        lon=37.595,
        verified_at=verified_at,
        sources={"city": "wikidata", "lat": "wikidata", "kind": "wikidata"},
    )


@pytest.fixture
def old() -> Mission:
    return _embassy(datetime(2022, 11, 16, tzinfo=UTC))


def _surfaces(client: Client, mission: Mission) -> dict[str, str]:
    """Every place a mission is offered, as text."""
    find = {"citizen": "CA", "in": "RU", "near": "55.75,37.6"}
    api_find = client.get("/api/v1/find", find).json()["answers"][0]["mission"]
    return {
        "page": client.get(mission.get_absolute_url()).content.decode(),
        "search page": client.get(reverse("web:search"), {"q": "canada moscow"}).content.decode(),
        "finder page": client.get(reverse("web:find"), find).content.decode(),
        "card": client.get(reverse("web:emergency_card"), find).content.decode(),
        "vcard": client.get(f"/missions/{mission.pk}/vcard").content.decode().replace("\r\n ", ""),
        "api mission": str(client.get(f"/api/v1/missions/{mission.pk}").json()["notice"]),
        "api find": str(api_find["notice"]),
    }


def test_old_details_say_their_source_and_date_everywhere(client: Client, old: Mission) -> None:
    for surface, text in _surfaces(client, old).items():
        assert OLD in text.replace("\\,", ","), surface


def test_details_never_confirmed_say_so(client: Client) -> None:
    mission = _embassy(None)
    body = client.get(f"/api/v1/missions/{mission.pk}").json()
    assert (body["verified_at"], body["stale"], body["notice"]) == (None, True, NEVER)
    assert NEVER in client.get(mission.get_absolute_url()).content.decode()


def test_freshly_confirmed_details_carry_no_notice(client: Client) -> None:
    mission = _embassy(timezone.now() - timedelta(days=3))
    for surface, text in _surfaces(client, mission).items():
        assert "call before you go" not in text, surface
    body = client.get(f"/api/v1/missions/{mission.pk}").json()
    assert body["stale"] is False and body["notice"] is None
    assert body["verified_at"] == mission.verified_at.isoformat()


def test_the_limit_is_the_stale_days_setting(client: Client, settings: Any) -> None:
    mission = _embassy(timezone.now() - timedelta(days=40))
    settings.QUALITY_STALE_DAYS = 30
    assert client.get(f"/api/v1/missions/{mission.pk}").json()["stale"] is True
    settings.QUALITY_STALE_DAYS = 60
    assert client.get(f"/api/v1/missions/{mission.pk}").json()["stale"] is False


def test_the_notice_speaks_the_page_language(client: Client, old: Mission) -> None:
    html = client.get(f"/fr{old.get_absolute_url()}").content.decode()
    assert "novembre 2022" in html and "November 2022" not in html


def test_the_command_line_answers_carry_it_too(old: Mission) -> None:
    for command, args in (
        ("find", ["--citizen", "CA", "--in", "RU"]),
        ("search", ["canada moscow"]),
    ):
        out = io.StringIO()
        call_command(command, *args, stdout=out)
        assert OLD in out.getvalue(), command
