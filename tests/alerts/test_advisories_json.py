"""The consular data API's JSON: the same advisories, field names read case-insensitively."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from embassies.alerts.advisories.issuers import us
from embassies.alerts.models import Advisory, Alert
from tests.alerts.documents import EXPECTED_FIRST, FIRST, api_json

pytestmark = pytest.mark.django_db


def test_json_document_gives_the_same_levels_as_the_rss(tmp_path: Path) -> None:
    path = tmp_path / "advisories.json"
    path.write_bytes(api_json(FIRST))
    call_command("advisories", "fetch", str(path), stdout=StringIO(), stderr=StringIO())
    found = dict(Advisory.objects.values_list("country_id", "level"))
    # The JSON has no threat category: Mexico's title states no level, so it is reported.
    assert found == {code: n for code, n in EXPECTED_FIRST.items() if code not in {"MX", "CN"}}
    assert set(Alert.objects.values_list("country_id", flat=True)) == {"MM", "RU"}


def test_field_names_in_any_case_and_a_data_wrapper() -> None:
    body = json.dumps(
        {
            "DATA": [
                {
                    "TITLE": "Russia - Level 4: Do Not Travel",
                    "link": "https://x",
                    "category": "RS",
                    "updated": "2024-07-30",
                }
            ]
        }
    ).encode()
    [item] = us.parse(body)
    assert (item.place, item.level, item.tags, item.link) == ("Russia", 4, ("RS",), "https://x")
    assert item.published is not None and item.published.year == 2024
