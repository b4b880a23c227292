"""Rejecting a correction records the decision and leaves the mission exactly as it was."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.corrections.models import Correction, State
from embassies.directory.models import Mission
from tests.corrections.builders import (
    changelist_url,
    form_data,
    review_url,
    staff_client,
    suggest_url,
)
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed(client: Client) -> Correction:
    mission = make_mission(address="Starokonyushenny 23", website="https://ca.example/moscow")
    data = form_data(mission, address="Somewhere else 1", website="https://wrong.example/")
    assert client.post(suggest_url(mission), data).status_code == 302
    return Correction.objects.get()


def snapshot(mission: Mission) -> tuple[object, ...]:
    mission.refresh_from_db()
    return (
        mission.address,
        mission.website,
        dict(mission.sources),
        mission.updated_at,
        mission.history.count(),
    )


def test_bulk_rejection_asks_for_a_note_and_leaves_the_mission(proposed: Correction) -> None:
    staff, user = staff_client()
    before = snapshot(proposed.mission)
    ask = staff.post(
        changelist_url(), {"action": "reject_selected", "_selected_action": [proposed.pk]}
    )
    assert ask.status_code == 200 and 'name="note"' in ask.content.decode()
    assert Correction.objects.get().status == State.PENDING  # asking decided nothing yet
    staff.post(
        changelist_url(),
        {
            "action": "reject_selected",
            "_selected_action": [proposed.pk],
            "confirm": "yes",
            "note": "The embassy's own site disagrees.",
        },
    )
    proposed.refresh_from_db()
    assert (proposed.status, proposed.reviewer, proposed.applied) == (State.REJECTED, user, {})
    assert proposed.review_note == "The embassy's own site disagrees."
    assert snapshot(proposed.mission) == before


def test_rejection_from_the_review_page(proposed: Correction) -> None:
    staff, _ = staff_client()
    before = snapshot(proposed.mission)
    response = staff.post(review_url(proposed.pk), {"decision": "reject", "note": "spam"})
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert (proposed.status, proposed.review_note) == (State.REJECTED, "spam")
    assert snapshot(proposed.mission) == before


def test_a_decided_correction_cannot_be_decided_again(proposed: Correction) -> None:
    staff, _ = staff_client()
    staff.post(review_url(proposed.pk), {"decision": "reject", "note": ""})
    before = snapshot(proposed.mission)
    page = staff.post(review_url(proposed.pk), {"decision": "accept", "apply": ["address"]})
    assert "was already rejected" in page.content.decode()
    assert Correction.objects.get().status == State.REJECTED
    assert snapshot(proposed.mission) == before
