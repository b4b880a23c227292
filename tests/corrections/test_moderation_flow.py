"""A visitor's correction reaches the page only through an editor, and outlives re-imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from embassies.corrections.models import Correction, State
from embassies.directory.models import FieldConflict, Mission
from tests.corrections.builders import (
    CANADA_MOSCOW,
    changelist_url,
    form_data,
    import_rows,
    staff_client,
    suggest_url,
    with_website,
)
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

CORRECTED = "https://www.international.gc.ca/country-pays/russia-russie/moscow"


def test_correction_is_shown_only_after_acceptance_and_survives_reimport(
    tmp_path: Path, client: Client
) -> None:
    import_rows(tmp_path, [CANADA_MOSCOW])
    mission = Mission.objects.get(wikidata="Q4374011")
    page = mission.get_absolute_url()
    assert f'href="{suggest_url(mission)}"' in client.get(page).content.decode()

    sent = client.post(
        suggest_url(mission),
        form_data(mission, website=CORRECTED, phones="+7 495 925-60-00", comment="Moved site."),
    )
    thanks = reverse("corrections:thanks", args=[mission.pk])
    assert sent.status_code == 302 and sent["Location"] == thanks
    assert "An editor will review it" in client.get(thanks).content.decode()
    correction = Correction.objects.get()
    assert correction.status == State.PENDING
    assert correction.changes == {"website": CORRECTED, "phones": ["+7 495 925-60-00"]}
    assert correction.original == {"website": mission.website, "phones": []}
    assert CORRECTED not in client.get(page).content.decode()

    staff, user = staff_client("moderator")
    staff.post(changelist_url(), {"action": "accept_selected", "_selected_action": [correction.pk]})
    correction.refresh_from_db()
    assert (correction.status, correction.reviewer) == (State.ACCEPTED, user)
    assert correction.applied == correction.changes
    shown = client.get(page).content.decode()
    assert CORRECTED in shown and 'href="tel:+74959256000"' in shown

    editor = f"editor:correction:{correction.pk}:moderator"
    mission.refresh_from_db()
    assert mission.sources["website"] == mission.sources["phones"] == editor
    latest = mission.history.latest()
    assert (latest.history_change_reason, latest.history_user) == (f"edited by {editor}", user)

    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://wikidata.example/new")], "2.csv")
    mission.refresh_from_db()
    assert mission.website == CORRECTED and mission.phones == ["+7 495 925-60-00"]
    conflict = FieldConflict.objects.get(mission=mission, field="website")
    assert (conflict.source_value, conflict.current_source) == (
        "https://wikidata.example/new",
        editor,
    )


def test_only_changed_fields_are_stored(client: Client) -> None:
    mission = make_mission(phones=["call the switchboard"], address="Starokonyushenny 23")
    response = client.post(suggest_url(mission), form_data(mission, city="Moskva"))
    assert response.status_code == 302
    assert Correction.objects.get().changes == {"city": "Moskva"}


def test_the_form_is_prefilled_with_the_current_values(client: Client) -> None:
    mission = make_mission(address="Starokonyushenny 23", opening_hours="Mo-Fr 09:00-17:00")
    page = client.get(suggest_url(mission)).content.decode()
    assert "Starokonyushenny 23</textarea>" in page
    assert 'value="Mo-Fr 09:00-17:00"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_form_with_nothing_changed_says_so(client: Client) -> None:
    mission = make_mission()
    response = client.post(suggest_url(mission), form_data(mission))
    assert response.status_code == 400 and "Nothing was changed" in response.content.decode()
    assert not Correction.objects.exists()
