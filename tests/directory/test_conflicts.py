"""Import conflicts reviewed: take the source's value, or keep the editor's for good."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from embassies.directory.conflicts import (
    ConflictError,
    accept_source_value,
    describe,
    keep_editor_value,
)
from embassies.directory.editing import edit_mission
from embassies.directory.models import FieldConflict, Mission
from tests.corrections.builders import CANADA_MOSCOW, import_rows, with_website

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer() -> User:
    return User.objects.create_superuser("rita", "rita@example.org", "x")


@pytest.fixture
def conflict(tmp_path: Path) -> FieldConflict:
    """Alice renamed the city; then Wikidata's row changed, still saying Moscow."""
    import_rows(tmp_path, [CANADA_MOSCOW])
    mission = Mission.objects.get(wikidata="Q4374011")
    edit_mission(mission, {"city": "Moskva"}, editor="editor:api:alice")
    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/1")], "changed.csv")
    return FieldConflict.objects.get(mission=mission, field="city")


@pytest.fixture
def website_conflict(conflict: FieldConflict, tmp_path: Path) -> FieldConflict:
    """A second conflict on the same mission: Alice set the website, Wikidata now gives another."""
    mission = conflict.mission
    edit_mission(mission, {"website": "https://editor.example/"}, editor="editor:api:alice")
    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/9")], "third.csv")
    return FieldConflict.objects.get(mission=mission, field="website")


def test_accepting_the_source_value_applies_it_and_records_history(
    conflict: FieldConflict, reviewer: User, tmp_path: Path
) -> None:
    mission = accept_source_value(conflict, reviewer)
    mission.refresh_from_db()
    conflict.refresh_from_db()
    assert (mission.city, mission.sources["city"], conflict.resolved) == (
        "Moscow",
        "wikidata",
        True,
    )
    latest = mission.history.latest()
    assert (latest.history_change_reason, latest.history_user) == (
        "conflict accepted by rita",
        reviewer,
    )
    assert latest.city == "Moscow"
    # The field is the source's again: the next change in Wikidata simply applies.
    changed = with_website(CANADA_MOSCOW, "https://ca.example/2").replace(
        "Khamovniki District;", "Arbat District;"
    )
    import_rows(tmp_path, [changed], "again.csv")
    mission.refresh_from_db()
    assert mission.city == "Moscow" and mission.website == "https://ca.example/2"
    assert not FieldConflict.objects.filter(resolved=False).exists()


def test_keeping_the_editor_value_resolves_it_and_imports_leave_it(
    conflict: FieldConflict, reviewer: User, tmp_path: Path
) -> None:
    history = conflict.mission.history.count()
    keep_editor_value(conflict, reviewer)
    conflict.refresh_from_db()
    assert conflict.resolved
    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/1")], "same.csv")
    mission = Mission.objects.get(pk=conflict.mission_id)
    assert mission.city == "Moskva" and mission.sources["city"] == "editor:api:alice"
    assert FieldConflict.objects.get(pk=conflict.pk).resolved
    assert mission.history.count() == history  # keeping changes nothing on the mission


def test_a_resolved_conflict_cannot_be_decided_again(
    conflict: FieldConflict, reviewer: User
) -> None:
    keep_editor_value(conflict, reviewer)
    with pytest.raises(ConflictError, match="already resolved"):
        accept_source_value(conflict, reviewer)
    assert Mission.objects.get(pk=conflict.mission_id).city == "Moskva"


def test_the_conflict_reads_as_a_sentence_dated_from_the_history(conflict: FieldConflict) -> None:
    edited = conflict.mission.history.get(history_change_reason="edited by editor:api:alice")
    text = describe(conflict)
    assert text == (
        f"Wikidata now says Moscow; editor:api:alice set Moskva on "
        f"{edited.history_date.day} {edited.history_date:%B %Y}"
    )


def test_admin_lists_conflicts_and_carries_out_both_actions(
    conflict: FieldConflict, website_conflict: FieldConflict, reviewer: User
) -> None:
    mission, website = conflict.mission, website_conflict
    client = Client()
    client.force_login(reviewer)
    url = reverse("admin:directory_fieldconflict_changelist")
    page = client.get(url + "?resolved__exact=0").content.decode()
    assert "Wikidata now says Moscow; editor:api:alice set Moskva on" in page
    assert "Wikidata now says https://ca.example/9" in page
    client.post(url, {"action": "keep_editor_value", "_selected_action": [website.pk]})
    client.post(url, {"action": "accept_source_value", "_selected_action": [conflict.pk]})
    mission.refresh_from_db()
    assert (mission.city, mission.website) == ("Moscow", "https://editor.example/")
    assert set(FieldConflict.objects.values_list("resolved", flat=True)) == {True}


def test_a_settled_conflict_stays_settled_when_the_row_changes_for_another_reason(
    conflict: FieldConflict, reviewer: User, tmp_path: Path
) -> None:
    keep_editor_value(conflict, reviewer)
    # Wikidata still says Moscow, but the row changed (a new website): nothing to reopen.
    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/9")], "other.csv")
    assert FieldConflict.objects.get(pk=conflict.pk).resolved
    mission = Mission.objects.get(pk=conflict.mission_id)
    assert mission.website == "https://ca.example/9" and mission.city == "Moskva"


def test_each_decision_records_who_made_it_and_when(
    conflict: FieldConflict, website_conflict: FieldConflict, reviewer: User
) -> None:
    website = website_conflict
    before = timezone.now()
    keep_editor_value(website, reviewer)
    accept_source_value(conflict, User.objects.create_superuser("sam", "sam@example.org", "x"))
    decided = {
        c.field: (c.decision, c.decided_by, before <= c.decided_at <= timezone.now())
        for c in FieldConflict.objects.all()
    }
    assert decided == {"website": ("editor", "rita", True), "city": ("source", "sam", True)}


def test_a_new_source_value_reopens_a_settled_conflict_undecided(
    website_conflict: FieldConflict, reviewer: User, tmp_path: Path
) -> None:
    website = website_conflict
    keep_editor_value(website, reviewer)
    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/10")], "fourth.csv")
    website.refresh_from_db()
    assert (website.resolved, website.decision, website.decided_by, website.decided_at) == (
        False,
        "",
        "",
        None,
    )
    assert website.source_value == "https://ca.example/10"
