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
    assert found["countries"][0] == {"code": "RU", "name": "Russia", "score": 1.0, "passing": False}
    assert {"US", "GB", "UA", "TR", "AE"} <= {c["code"] for c in found["countries"]}


def test_standard_input_and_html(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"<p>Georgia's governor spoke in Atlanta.</p>"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert json.loads(tag("-", "--json")) == {
        "countries": [{"code": "US", "name": "United States", "score": 1.0, "passing": False}],
        "primary": "US",
    }


def test_plain_output_lists_codes_and_the_primary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Tbilisi talks\nGeorgian and Armenian envoys met in Tbilisi.", "utf-8")
    assert tag(str(path)).splitlines() == [
        "GE  1.000  Georgia",
        "AM  0.174  Armenia",
        "primary: GE",
    ]


def test_plain_output_marks_a_country_named_only_in_passing(tmp_path: Path) -> None:
    """A filing bureau in the dateline, of a story about another country, is only in passing."""
    path = tmp_path / "a.txt"
    text = (
        "Flooding cuts off villages\n"
        "NAIROBI, Kenya (Reuters) - Floods cut off dozens of villages in southern Somalia on "
        "Monday, Somalia's disaster agency said, as rivers burst their banks after heavy rain."
    )
    path.write_text(text, "utf-8")
    lines = tag(str(path)).splitlines()
    assert lines[0].startswith("SO  1.000  Somalia")
    assert next(line for line in lines if line.startswith("KE")).endswith("Kenya  (in passing)")
