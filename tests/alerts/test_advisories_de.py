"""The Auswärtiges Amt's OpenData list (`advisories fetch ... --issuer DE`): its four warning
flags on the common scale, partial warnings as parts_only, countries by ISO code, the whole list
stored in the AA's own words, and its credit wherever it is shown."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from embassies.alerts.models import Advisory, Alert, Source
from tests.alerts.issuer_documents import Entry, germany_list
from tests.localserver import allowed_server

pytestmark = pytest.mark.django_db

LIST = [
    Entry("201904", "BY", "Belarus", warning=True),
    Entry("203266", "SD", "Sudan", warning=True, partial=True),
    Entry("205440", "GH", "Ghana", partial=True),
    Entry("205441", "PE", "Peru", situation=True),
    Entry("205442", "TH", "Thailand", situation_part=True),
    Entry("200872", "MO", "Macau*"),
    Entry("299999", "", "Atlantis"),  # no code: reported, never guessed from the name
    Entry("299998", "QZ", "Nirgendwo"),  # a code no country has: reported
]


def fetch(*args: str) -> tuple[dict[str, Any], str]:
    out, err = StringIO(), StringIO()
    call_command("advisories", "fetch", *args, "--issuer", "DE", "--json", stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def write(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "travelwarning.json"
    path.write_bytes(body)
    return path


def stored() -> dict[str, tuple[int, bool, str]]:
    rows = Advisory.objects.filter(issuer="DE")
    return {a.country_id: (a.level, a.parts_only, a.issuer_level) for a in rows}


def test_flags_map_to_the_common_scale_the_strongest_deciding(tmp_path: Path) -> None:
    fetch(str(write(tmp_path, germany_list(LIST))))
    assert stored() == {
        "BY": (4, False, "Reisewarnung"),
        "SD": (4, False, "Reisewarnung"),
        "GH": (2, True, "Teilreisewarnung"),
        "PE": (3, False, "Situationsbedingte Reisewarnung"),
        "TH": (2, True, "Situationsbedingte Teilreisewarnung"),
        "MO": (1, False, "Reise- und Sicherheitshinweise"),
    }


def test_entries_without_a_known_code_are_reported(tmp_path: Path) -> None:
    summary, err = fetch(str(write(tmp_path, germany_list(LIST))))
    assert summary["unresolved"] == [
        "Atlantis: Reise- und Sicherheitshinweise (code missing)",
        "Nirgendwo: Reise- und Sicherheitshinweise (QZ is not in the directory)",
    ]
    assert "DE: unresolved, not imported: Atlantis" in err


def test_title_date_and_link_as_the_aa_publishes_them(tmp_path: Path, settings: Any) -> None:
    settings.DE_ADVISORIES_URL = "https://www.auswaertiges-amt.de/opendata/travelwarning"
    fetch(str(write(tmp_path, germany_list(LIST))))
    belarus = Advisory.objects.get(issuer="DE", country_id="BY")
    assert belarus.title == "Belarus: Reise- und Sicherheitshinweise"
    assert belarus.published == datetime(2026, 6, 19, 12, 51, 44, tzinfo=UTC)
    assert belarus.link == "https://www.auswaertiges-amt.de/opendata/travelwarning/201904"


def test_milliseconds_are_read_as_milliseconds(tmp_path: Path) -> None:
    fetch(str(write(tmp_path, germany_list([Entry("1", "BY", "Belarus", modified=1499681492000)]))))
    published = Advisory.objects.get(issuer="DE").published
    assert published == datetime(2017, 7, 10, 10, 11, 32, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{}", "no 'response'"),
        (b'{"response": []}', "no 'response'"),
        (germany_list(LIST).replace(b'"warning":true', b'"warning":"ja"', 1), "not true or false"),
        (germany_list(LIST).replace(b'{"lastModified"', b'["lastModified"', 1)[:-3], "not valid"),
        (b'{"response": {"201904": "Belarus"}}', "entry 201904 is not an object"),
    ],
)
def test_a_malformed_or_empty_answer_changes_nothing(
    tmp_path: Path, body: bytes, message: str
) -> None:
    fetch(str(write(tmp_path, germany_list(LIST))))
    before = stored()
    with pytest.raises(CommandError, match=message):
        fetch(str(write(tmp_path, body)))
    assert stored() == before


def test_a_warning_raises_a_banner_and_its_end_ends_it(settings: Any, fast_retries: None) -> None:
    documents = {"/opendata/travelwarning": germany_list(LIST)}

    def handler(method: str, path: str, query: object, body: bytes) -> tuple[int, dict, bytes]:
        return (200, {"Content-Type": "text/json;charset=UTF-8"}, documents[path])

    with allowed_server(handler) as (base, _):
        settings.DE_ADVISORIES_URL = f"{base}/opendata/travelwarning"
        raised, _ = fetch()
        assert sorted(raised["raised"]) == ["BY", "SD"]
        documents["/opendata/travelwarning"] = germany_list([Entry("201904", "BY", "Belarus")])
        lowered, _ = fetch()
    assert lowered["ended"] == ["BY"]
    assert Alert.objects.get(country_id="BY", source=Source.ADVISORY).ends_at is not None
    assert Alert.objects.get(country_id="SD", source=Source.ADVISORY).ends_at is None
    assert stored()["BY"] == (1, False, "Reise- und Sicherheitshinweise")


def test_the_api_carries_the_aa_credit_with_its_advice(tmp_path: Path, client: Client) -> None:
    fetch(str(write(tmp_path, germany_list(LIST))))
    [ghana] = client.get("/api/v1/alerts?country=GH").json()["advisories"]
    assert (ghana["issuer"], ghana["level"], ghana["parts_only"]) == ("DE", 2, True)
    assert ghana["issuer_level"] == "Teilreisewarnung"
    assert ghana["credit"].startswith("Source: Auswärtiges Amt (German Federal Foreign Office)")
