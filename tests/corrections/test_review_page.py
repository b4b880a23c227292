"""The moderator's page: the queue lists pending corrections, values side by side, escaped."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.corrections.models import Correction, State
from embassies.corrections.submission import submit
from embassies.directory.editing import edit_mission
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
def mission() -> Mission:
    return make_mission(address="Starokonyushenny 23", city="Moscow", head_of_mission="A. Envoy")


def send(client: Client, mission: Mission, **changes: str) -> Correction:
    assert client.post(suggest_url(mission), form_data(mission, **changes)).status_code == 302
    return Correction.objects.latest("id")


def test_the_queue_lists_pending_corrections_with_their_fields(
    client: Client, mission: Mission
) -> None:
    pending = send(client, mission, city="Moskva", head_of_mission="B. Envoy")
    decided = send(client, mission, address="Elsewhere 2")
    Correction.objects.filter(pk=decided.pk).update(status=State.REJECTED)
    staff, _ = staff_client()
    page = staff.get(changelist_url()).content.decode()
    assert "City, Head of mission" in page and str(mission) in page
    assert review_url(pending.pk) in page and review_url(decided.pk) not in page
    assert review_url(decided.pk) in staff.get(changelist_url() + "?state=all").content.decode()


def test_current_and_proposed_values_side_by_side(client: Client, mission: Mission) -> None:
    correction = send(
        client,
        mission,
        city="Moskva",
        comment="Local spelling.",
        source_url="https://ca.example/contact",
    )
    staff, _ = staff_client()
    page = staff.get(review_url(correction.pk)).content.decode()
    assert "<td>Moscow" in page and "<td>Moskva</td>" in page
    assert "Local spelling." in page
    assert 'href="https://ca.example/contact" rel="nofollow noopener noreferrer"' in page
    assert 'name="apply" value="city" id="apply-city" checked' in page


def test_everything_a_visitor_wrote_is_escaped_in_the_admin(mission: Mission) -> None:
    # Stored directly, as if an older form had let markup through: the admin must still escape it.
    correction = submit(
        mission,
        {"city": "<script>alert(1)</script>"},
        comment='<img src=x onerror="alert(2)">',
        source_url="",
        who="x",
    )
    staff, _ = staff_client()
    review = staff.get(review_url(correction.pk)).content.decode()
    listing = staff.get(changelist_url()).content.decode()
    for page in (review, listing):
        assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in review
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in review


def test_a_field_changed_meanwhile_is_flagged_and_only_ticked_fields_are_applied(
    client: Client, mission: Mission
) -> None:
    correction = send(client, mission, city="Moskva", head_of_mission="B. Envoy")
    edit_mission(mission, {"head_of_mission": "C. Envoy"}, editor="editor:api:bob")
    staff, user = staff_client()
    page = staff.get(review_url(correction.pk)).content.decode()
    assert "Changed since the correction was sent; the sender saw: A. Envoy" in page
    assert 'value="head_of_mission" id="apply-head_of_mission">' in page  # not ticked
    assert 'value="city" id="apply-city" checked' in page

    staff.post(review_url(correction.pk), {"decision": "accept", "apply": ["city"], "note": "ok"})
    mission.refresh_from_db()
    correction.refresh_from_db()
    assert (mission.city, mission.head_of_mission) == ("Moskva", "C. Envoy")
    assert mission.sources["head_of_mission"] == "editor:api:bob"
    assert mission.sources["city"] == f"editor:correction:{correction.pk}:{user.username}"
    assert (correction.status, correction.applied) == (State.ACCEPTED, {"city": "Moskva"})


def test_bulk_accept_leaves_corrections_whose_mission_changed_for_review(
    client: Client, mission: Mission
) -> None:
    stale = send(client, mission, head_of_mission="B. Envoy")
    edit_mission(mission, {"head_of_mission": "C. Envoy"}, editor="editor:api:bob")
    staff, _ = staff_client()
    response = staff.post(
        changelist_url(), {"action": "accept_selected", "_selected_action": [stale.pk]}, follow=True
    )
    assert "the mission changed since they were sent" in response.content.decode()
    stale.refresh_from_db()
    mission.refresh_from_db()
    assert stale.status == State.PENDING and mission.head_of_mission == "C. Envoy"


def test_accepting_nothing_is_refused(client: Client, mission: Mission) -> None:
    correction = send(client, mission, city="Moskva")
    staff, _ = staff_client()
    page = staff.post(review_url(correction.pk), {"decision": "accept", "note": ""})
    assert "Choose at least one field" in page.content.decode()
    assert Correction.objects.get().status == State.PENDING


def test_only_staff_reach_the_queue(client: Client, mission: Mission) -> None:
    correction = send(client, mission, city="Moskva")
    assert client.get(review_url(correction.pk)).status_code == 302  # to the login page
    assert client.post(review_url(correction.pk), {"decision": "accept"}).status_code == 302
    assert Correction.objects.get().status == State.PENDING
