"""Global Affairs Canada's index (`advisories fetch ... --issuer CA`): advisory-state 0-3 on the
common scale, regional advisories as parts_only, parts of a country kept to their country."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.alerts.models import Advisory, Alert, Source
from tests.alerts.issuer_documents import Destination, canada_index
from tests.localserver import allowed_server

pytestmark = pytest.mark.django_db

INDEX = [
    Destination("AF", "Afghanistan", 3),
    Destination("DZ", "Algeria", 1, regional=1),
    Destination("IL", "Israel and Palestine", 2, regional=1),
    Destination("JP", "Japan", 0),
    Destination("PT", "Portugal", 0),
    Destination("PT-20", "Azores", 1),  # stricter than Portugal: Portugal's advice is parts_only
    Destination("ES-CN", "Canary Islands", 0),  # Spain has no entry here: reported
    Destination("QZ", "Nowhere Land", 2),  # no such country: reported, never guessed
]


def fetch(*args: str) -> tuple[dict[str, Any], str]:
    out, err = StringIO(), StringIO()
    call_command("advisories", "fetch", *args, "--issuer", "CA", "--json", stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def write(tmp_path: Path, destinations: list[Destination]) -> Path:
    path = tmp_path / "index-updated.json"
    path.write_bytes(canada_index(destinations))
    return path


def stored() -> dict[str, tuple[int, bool, str]]:
    rows = Advisory.objects.filter(issuer="CA")
    return {a.country_id: (a.level, a.parts_only, a.issuer_level) for a in rows}


def test_states_map_to_the_common_scale_with_the_issuers_words(tmp_path: Path) -> None:
    fetch(str(write(tmp_path, INDEX)))
    assert stored() == {
        "AF": (4, False, "Avoid all travel"),
        "DZ": (2, True, "Exercise a high degree of caution (with regional advisories)"),
        "IL": (3, True, "Avoid non-essential travel (with regional advisories)"),
        "JP": (1, False, "Exercise normal security precautions"),
        "PT": (1, True, "Exercise normal security precautions"),
    }


def test_a_part_of_a_country_never_becomes_a_country(tmp_path: Path) -> None:
    summary, err = fetch(str(write(tmp_path, INDEX)))
    assert not Advisory.objects.filter(country_id__in=["ES", "QZ"]).exists()
    assert summary["unresolved"] == [
        "Canary Islands: Exercise normal security precautions (code ES-CN)",
        "Nowhere Land: Avoid non-essential travel (QZ is not in the directory)",
    ]
    assert "CA: unresolved, not imported: Nowhere Land" in err


def test_date_link_and_title_come_from_the_entry(tmp_path: Path) -> None:
    fetch(str(write(tmp_path, INDEX)))
    afghanistan = Advisory.objects.get(issuer="CA", country_id="AF")
    assert afghanistan.published == datetime(2026, 9, 24, 12, 53, 35, tzinfo=UTC)
    assert afghanistan.link == "https://travel.gc.ca/destinations/afghanistan"
    assert afghanistan.title == "Afghanistan: Avoid all travel"


def test_a_malformed_index_changes_nothing(tmp_path: Path) -> None:
    fetch(str(write(tmp_path, INDEX)))
    before = stored()
    bad = [Destination("AF", "Afghanistan", 0), Destination("JP", "Japan", "high")]
    with pytest.raises(CommandError, match="JP: advisory-state is 'high'"):
        fetch(str(write(tmp_path, bad)))
    (tmp_path / "cut.json").write_bytes(canada_index(INDEX)[:500])
    with pytest.raises(CommandError, match="not valid JSON"):
        fetch(str(tmp_path / "cut.json"))
    assert stored() == before


def test_avoid_all_travel_raises_a_banner_and_its_end_ends_it(
    tmp_path: Path, settings: Any, fast_retries: None
) -> None:
    documents = {"/travel-voyage/index-updated.json": canada_index(INDEX)}

    def handler(method: str, path: str, query: object, body: bytes) -> tuple[int, dict, bytes]:
        return (200, {"Content-Type": "application/json"}, documents[path])

    with allowed_server(handler) as (base, seen):
        settings.CA_ADVISORIES_URL = f"{base}/travel-voyage/index-updated.json"
        raised, _ = fetch()
        alert = Alert.objects.get(country_id="AF", source=Source.ADVISORY)
        assert raised["raised"] == ["AF"] and alert.ends_at is None
        assert "Global Affairs Canada advises: do not travel to Afghanistan" in alert.headline
        documents[seen[0]["path"]] = canada_index([Destination("AF", "Afghanistan", 2)])  # type: ignore[index]
        lowered, _ = fetch()
    alert.refresh_from_db()
    assert lowered["ended"] == ["AF"] and alert.ends_at is not None
    assert stored()["AF"] == (3, False, "Avoid non-essential travel")
