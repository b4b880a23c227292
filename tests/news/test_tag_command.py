"""`embassies tag PATH|- --json`: the tagger on a file or standard input."""

from __future__ import annotations

import io
import json
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.news.builders import SAVED_PAGE


def tag(*args: str) -> str:
    out = StringIO()
    call_command("tag", *args, stdout=out)
    return out.getvalue()


def test_a_saved_page_is_tagged_without_its_banner() -> None:
    found = json.loads(tag(str(SAVED_PAGE), "--json"))
    assert found["primary"] == "RU"
    assert found["countries"][0] == {"code": "RU", "name": "Russia", "score": 1.0}
    assert {"US", "GB", "UA", "TR", "AE"} <= {c["code"] for c in found["countries"]}


def test_standard_input_and_html(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"<p>Georgia's governor spoke in Atlanta.</p>"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert json.loads(tag("-", "--json")) == {
        "countries": [{"code": "US", "name": "United States", "score": 1.0}],
        "primary": "US",
    }


def test_plain_output_lists_codes_and_the_primary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Tbilisi talks\nGeorgian and Armenian envoys met in Tbilisi.", "utf-8")
    assert tag(str(path)).splitlines() == [
        "GE  1.000  Georgia",
        "AM  0.190  Armenia",
        "primary: GE",
    ]
