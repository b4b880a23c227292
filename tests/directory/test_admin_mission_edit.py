"""An editor's work in the admin: each changed field becomes the editor's and survives
re-imports (the source's new value waits as a conflict); any old version can be restored, and
the restoring is itself recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from embassies.directory.models import FieldConflict, Mission
from tests.corrections.builders import CANADA_MOSCOW, import_rows, with_website
from tests.directory.admin_helpers import (
    add_accreditation_inline,
    change_url,
    editor_client,
    form_fields,
)
from tests.factories import make_country

pytestmark = pytest.mark.django_db


def test_an_admin_edit_makes_the_changed_fields_the_editors(canada: Mission) -> None:
    client, user = editor_client("anna")
    before = timezone.now()
    data = form_fields(client, change_url(canada))
    assert data["phones"] == "\n".join(canada.phones)  # lists are typed one per line
    data |= {"city": "Moskva", "phones": "+7 495 925 6000\n+7 495 925 6001"}
    response = client.post(change_url(canada), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    canada.refresh_from_db()
    assert (canada.city, canada.phones) == ("Moskva", ["+7 495 925 6000", "+7 495 925 6001"])
    assert canada.sources["city"] == canada.sources["phones"] == "editor:admin:anna"
    assert canada.sources["address"] == "wikidata"  # untouched fields keep their source
    assert canada.verified_at is not None and canada.verified_at >= before
    latest = canada.history.latest()
    assert latest.history_change_reason == "edited by editor:admin:anna"
    assert latest.history_user == user and latest.city == "Moskva"


def test_an_unchanged_save_writes_nothing(canada: Mission) -> None:
    client, _ = editor_client()
    versions = canada.history.count()
    response = client.post(change_url(canada), form_fields(client, change_url(canada)))
    assert response.status_code == 302
    assert canada.history.count() == versions
    assert Mission.objects.get(pk=canada.pk).sources == canada.sources


def test_the_edit_survives_a_reimport_as_a_conflict(canada: Mission, tmp_path: Path) -> None:
    client, _ = editor_client("anna")
    data = form_fields(client, change_url(canada)) | {"city": "Moskva"}
    assert client.post(change_url(canada), data).status_code == 302
    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/ru")], "second.csv")
    canada.refresh_from_db()
    assert canada.city == "Moskva" and canada.website == "https://ca.example/ru"
    conflict = FieldConflict.objects.get(mission=canada, field="city")
    assert (conflict.source_value, conflict.current_source) == ("Moscow", "editor:admin:anna")
    assert canada.history.latest().history_change_reason == "import wikidata-csv"


def test_restoring_an_old_version_brings_its_values_back_and_is_recorded(
    canada: Mission, tmp_path: Path
) -> None:
    client, user = editor_client("anna")
    original = canada.history.get()
    data = form_fields(client, change_url(canada)) | {
        "city": "Moskva",
        "website": "https://x.example/",
    }
    assert client.post(change_url(canada), data).status_code == 302
    history_page = client.get(reverse("admin:directory_mission_history", args=[canada.pk]))
    assert history_page.status_code == 200
    revert_url = reverse(
        "admin:directory_mission_simple_history", args=[canada.pk, original.history_id]
    )
    assert revert_url in history_page.content.decode()
    response = client.post(revert_url, form_fields(client, revert_url))
    assert response.status_code == 302, response.content.decode()[:3000]
    canada.refresh_from_db()
    assert (canada.city, canada.website) == (original.city, original.website)
    restored = canada.history.latest()
    assert restored.history_change_reason.startswith("restored the version of ")
    assert restored.history_change_reason.endswith(" by editor:admin:anna")
    assert restored.history_user == user and canada.history.count() == 3
    # A restored value is an editor's decision: the next import keeps it.
    assert canada.sources["city"] == "editor:admin:anna"
    public = client.get(reverse("web:mission_history", args=[canada.pk, canada.slug]))
    assert "An earlier version restored" in public.content.decode()


def test_accreditations_edited_inline_are_the_editors(canada: Mission, tmp_path: Path) -> None:
    client, _ = editor_client("anna")
    make_country("GE", "Georgia")
    assert add_accreditation_inline(client, canada, "GE") == 302
    codes = set(canada.accreditations.values_list("code", flat=True))
    assert "GE" in codes
    assert Mission.objects.get(pk=canada.pk).sources["accreditations"] == "editor:admin:anna"
    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/ru")], "second.csv")
    assert set(canada.accreditations.values_list("code", flat=True)) == codes


def test_a_bad_social_line_is_a_form_error_and_changes_nothing(canada: Mission) -> None:
    client, _ = editor_client()
    data = form_fields(client, change_url(canada)) | {"social": "just some words"}
    response = client.post(change_url(canada), data)
    assert (
        response.status_code == 200 and "Line 1 is not &quot;network" in response.content.decode()
    )
    assert Mission.objects.get(pk=canada.pk).social == canada.social


def test_mark_verified_action_confirms_without_a_new_version(canada: Mission) -> None:
    client, _ = editor_client()
    versions = canada.history.count()
    url = reverse("admin:directory_mission_changelist")
    before = timezone.now()
    response = client.post(url, {"action": "mark_verified", "_selected_action": [canada.pk]})
    assert response.status_code == 302
    canada.refresh_from_db()
    assert canada.verified_at >= before and canada.history.count() == versions


def test_a_mission_added_in_the_admin_is_the_editors_from_the_start() -> None:
    client, _ = editor_client("anna")
    make_country("IS", "Iceland")
    make_country("MN", "Mongolia")
    url = reverse("admin:directory_mission_add")
    data = form_fields(client, url) | {
        "kind": "honorary_consulate",
        "sending": "IS",
        "host": "MN",
        "city": "Ulaanbaatar",
        "status": "open",
        "emails": "consul@example.org",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    mission = Mission.objects.get(sending="IS", host="MN")
    assert (mission.city, mission.emails, mission.slug) == (
        "Ulaanbaatar",
        ["consul@example.org"],
        "iceland-honorary-consulate-ulaanbaatar",
    )
    assert {mission.sources[k] for k in ("sending", "host", "city", "emails")} == {
        "editor:admin:anna"
    }
    assert mission.history.get().history_change_reason == "created by editor:admin:anna"
