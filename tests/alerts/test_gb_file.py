"""`embassies advisories fetch FILE --issuer GB`: one saved country document, or the saved
index, whose changed countries are then fetched from the endpoint."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.alerts.models import Advisory, Alert, Source
from tests.alerts.gb_documents import (
    FRANCE,
    HAITI,
    INDEX_PATH,
    MEXICO,
    NARNIA,
    gov_uk,
    index,
    page,
    paths,
    routes_for,
    stored,
)

pytestmark = pytest.mark.django_db


def fetch_gb(path: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("advisories", "fetch", str(path), "--issuer", "GB", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def saved(tmp_path: Path, body: bytes, name: str = "saved.json") -> Path:
    path = tmp_path / name
    path.write_bytes(body)
    return path


def test_a_full_country_document_avoid_all_travel_to_the_whole_country_is_level_4(
    tmp_path: Path,
) -> None:
    out, _ = fetch_gb(saved(tmp_path, page(HAITI)))
    haiti = Advisory.objects.get(issuer="GB", country_id="HT")
    assert (haiti.level, haiti.parts_only) == (4, False)
    assert haiti.issuer_level == "FCDO advises against all travel to the whole country"
    assert haiti.title == "Haiti travel advice"
    assert Alert.objects.filter(country_id="HT", source=Source.ADVISORY).exists()
    assert "read 1, added 1" in out and "raised 1 HT" in out


def test_a_withdrawn_country_document_imports_nothing(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="nothing was changed"):
        fetch_gb(saved(tmp_path, page(HAITI, withdrawn=True)))
    assert not Advisory.objects.exists()


def test_a_saved_index_fetches_its_countries_from_the_endpoint(
    tmp_path: Path, settings: Any, fast_retries: None
) -> None:
    countries = [HAITI, MEXICO, FRANCE, NARNIA]
    with gov_uk(settings, routes_for(countries)) as seen:
        out, err = fetch_gb(saved(tmp_path, index(countries)))
    assert stored() == {"HT": (4, False), "MX": (2, True), "FR": (1, False)}
    assert INDEX_PATH not in paths(seen)  # the index came from the file
    assert "unresolved, not imported: Narnia travel advice" in err
    assert "saved.json: read 4, added 3" in out


def test_a_saved_index_with_nothing_changed_needs_no_endpoint(
    tmp_path: Path, settings: Any, fast_retries: None
) -> None:
    path = saved(tmp_path, index([HAITI, FRANCE]))
    with gov_uk(settings, routes_for([HAITI, FRANCE])):
        fetch_gb(path)
    settings.GB_ADVISORIES_URL = ""
    out, _ = fetch_gb(path)
    assert "unchanged 2" in out


def test_a_saved_index_with_a_change_and_no_endpoint_changes_nothing(
    tmp_path: Path, settings: Any
) -> None:
    settings.GB_ADVISORIES_URL = ""
    with pytest.raises(CommandError, match="GB_ADVISORIES_URL is empty"):
        fetch_gb(saved(tmp_path, index([HAITI])))
    assert not Advisory.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"details": {"alert_status": [', "not valid JSON"),
        (b"[]", "expected a JSON object"),
        (b'{"title": "Haiti travel advice", "details": {}}', "details.country is not an object"),
        (
            b'{"details": {"country": {"name": "Haiti", "slug": "../../etc"}, "alert_status": []}}',
            "is not a GOV.UK slug",
        ),
        (
            b'{"details": {"country": {"name": "Haiti", "slug": "haiti"}, "alert_status": "x"}}',
            "not a list of strings",
        ),
        (b'{"base_path": "/foreign-travel-advice", "links": {}}', "lists no countries"),
    ],
)
def test_a_malformed_saved_file_is_refused_and_changes_nothing(
    tmp_path: Path, body: bytes, message: str
) -> None:
    fetch_gb(saved(tmp_path, page(FRANCE), "france.json"))
    with pytest.raises(CommandError, match=message):
        fetch_gb(saved(tmp_path, body))
    assert stored() == {"FR": (1, False)}
