"""Editors change, end or delete status facts in the admin: the fact becomes theirs and the
mission's status follows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from embassies.directory.models import Mission, Status, StatusFact
from tests.corrections.builders import staff_client
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


def closed_mission() -> tuple[Mission, StatusFact]:
    mission = make_mission(sending=make_country("UA", "Ukraine"), city="Moscow", wikidata="Q1")
    fact = StatusFact.objects.create(
        mission=mission, status="closed", since="2022-02-24", source_url="https://example.org/a"
    )
    return mission, fact


def form(fact: StatusFact, **changes: str) -> dict[str, str]:
    data = {
        "mission": str(fact.mission_id),
        "status": fact.status,
        "since": fact.since,
        "until": fact.until,
        "moved_to": fact.moved_to,
        "source_url": fact.source_url,
        "source_title": fact.source_title,
        "note": fact.note,
    }
    return {**data, **changes}


def test_ending_a_fact_in_the_admin_reopens_the_mission() -> None:
    mission, fact = closed_mission()
    client, _ = staff_client("anna")
    url = reverse("admin:directory_statusfact_change", args=[fact.pk])
    response = client.post(url, form(fact, until="2025-01"))
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.source == "editor:admin:anna"
    mission.refresh_from_db()
    assert (mission.status, mission.status_since) == (Status.OPEN, "2025-01")


def test_a_new_fact_in_the_admin_closes_the_mission_and_bad_values_are_refused() -> None:
    mission, fact = closed_mission()
    fact.delete()
    client, _ = staff_client("anna")
    url = reverse("admin:directory_statusfact_add")
    bad = client.post(url, form(fact, since="2022-13", source_url="javascript:alert(1)"))
    assert bad.status_code == 200 and not StatusFact.objects.exists()
    assert client.post(url, form(fact, status="suspended")).status_code == 302
    mission.refresh_from_db()
    assert (mission.status, mission.sources["status"]) == (Status.SUSPENDED, "mission_status")
    delete = reverse("admin:directory_statusfact_delete", args=[StatusFact.objects.get().pk])
    client.post(delete, {"post": "yes"})
    mission.refresh_from_db()
    assert mission.status == Status.OPEN
