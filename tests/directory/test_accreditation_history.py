"""Accreditations in a mission's history: every version holds the states the mission also
covered then, whether an editor or an import made it, and restoring a version brings them back."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from embassies.directory.models import Mission
from tests.corrections.builders import CANADA_MOSCOW, import_rows
from tests.directory.admin_helpers import add_accreditation_inline, editor_client, form_fields
from tests.factories import make_country

pytestmark = pytest.mark.django_db

JURISDICTIONS, JURISDICTION_QIDS = 2, 3


def covered(mission: Mission) -> list[str]:
    return sorted(mission.accreditations.values_list("code", flat=True))


def without_armenia(row: str) -> str:
    """The row as Wikidata would give it once the embassy no longer covers Armenia."""
    fields = row.split(";")
    fields[JURISDICTIONS] = "Russia|Uzbekistan"
    fields[JURISDICTION_QIDS] = "|".join(fields[JURISDICTION_QIDS].split("|")[:2])
    return ";".join(fields)


def add_georgia_inline(mission: Mission) -> None:
    client, _ = editor_client("anna")
    make_country("GE", "Georgia")
    assert add_accreditation_inline(client, mission, "GE") == 302


def test_an_imported_version_holds_the_accreditations_it_brought(canada: Mission) -> None:
    assert covered(canada) == ["AM", "UZ"]
    assert canada.history.get().accredited == ["AM", "UZ"]


def test_an_import_that_changes_only_accreditations_writes_a_version(
    canada: Mission, tmp_path: Path
) -> None:
    import_rows(tmp_path, [without_armenia(CANADA_MOSCOW)], "second.csv")
    assert covered(canada) == ["UZ"]
    versions = [v.accredited for v in canada.history.order_by("history_date")]
    assert versions == [["AM", "UZ"], ["UZ"]]
    assert canada.history.latest().history_change_reason.startswith("import")


def test_an_editors_inline_change_is_a_version_holding_it(canada: Mission) -> None:
    add_georgia_inline(canada)
    latest = canada.history.latest()
    assert latest.accredited == ["AM", "GE", "UZ"]
    assert latest.history_change_reason == "edited accreditations by editor:admin:anna"


def test_restoring_a_version_brings_its_accreditations_back(canada: Mission) -> None:
    original = canada.history.get()
    add_georgia_inline(canada)
    client, _ = editor_client("ben")
    revert_url = reverse(
        "admin:directory_mission_simple_history", args=[canada.pk, original.history_id]
    )
    assert client.post(revert_url, form_fields(client, revert_url)).status_code == 302
    canada.refresh_from_db()
    assert covered(canada) == ["AM", "UZ"]
    # Only the accreditations differed: the restore is still a version, and an editor's choice.
    restored = canada.history.latest()
    assert restored.accredited == ["AM", "UZ"]
    assert restored.history_change_reason.startswith("restored the version of ")
    assert canada.sources["accreditations"] == "editor:admin:ben"


def test_a_version_older_than_recorded_accreditations_leaves_them_alone(
    canada: Mission,
) -> None:
    """Versions written before accreditations were kept hold none (null), not 'no state'."""
    original = canada.history.get()
    canada.history.filter(history_id=original.history_id).update(accredited=None)
    add_georgia_inline(canada)
    client, _ = editor_client("ben")
    revert_url = reverse(
        "admin:directory_mission_simple_history", args=[canada.pk, original.history_id]
    )
    assert client.post(revert_url, form_fields(client, revert_url)).status_code == 302
    assert covered(canada) == ["AM", "GE", "UZ"]
