"""Malformed, hostile or foreign documents are refused whole: nothing half-imported."""

from __future__ import annotations

import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from embassies.alerts.advisories import sources
from embassies.alerts.models import Advisory, Alert
from tests.alerts.documents import BILLION_LAUGHS, EXTERNAL_ENTITY, FIRST, SECOND, Entry, rss

pytestmark = pytest.mark.django_db

TRUNCATED = rss(SECOND)[:-40]


def fetch(path: Path) -> None:
    call_command("advisories", "fetch", str(path), stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def imported(tmp_path: Path) -> dict[str, int]:
    """A first import, so that a refused document can be shown to change nothing."""
    path = tmp_path / "first.xml"
    path.write_bytes(rss(FIRST))
    fetch(path)
    return dict(Advisory.objects.values_list("country_id", "level"))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (BILLION_LAUGHS, "DTD or entities"),
        (EXTERNAL_ENTITY, "DTD or entities"),
        (TRUNCATED, "not well-formed XML"),
        (b"<html><body>Service unavailable</body></html>", "not an RSS feed"),
        (b"", "not well-formed XML"),
        (rss([]), "lists no advisories"),
        (rss([Entry("Atlantis - Level 4: Do Not Travel")]), "no item names a known country"),
        (b'{"data": "maintenance"}', "expected a list of objects"),
        (b"[[[[" * 50_000, "not valid JSON"),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "truncated",
        "html",
        "empty",
        "no-items",
        "no-country",
        "json-not-a-list",
        "json-too-deep",
    ],
)
def test_refused_with_a_clear_message_and_nothing_changed(
    tmp_path: Path, imported: dict[str, int], body: bytes, message: str
) -> None:
    alerts_before = list(Alert.objects.values_list("pk", "ends_at"))
    path = tmp_path / "bad.xml"
    path.write_bytes(body)
    started = time.monotonic()
    with pytest.raises(CommandError, match=message) as error:
        fetch(path)
    assert str(error.value).startswith("nothing was imported")
    assert time.monotonic() - started < 5  # the bomb is refused, not expanded
    assert dict(Advisory.objects.values_list("country_id", "level")) == imported
    assert list(Alert.objects.values_list("pk", "ends_at")) == alerts_before


def test_a_failure_while_storing_rolls_everything_back(
    tmp_path: Path, imported: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from embassies.alerts import raising

    def broken(*args: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(raising, "follow", broken)
    path = tmp_path / "later.xml"
    path.write_bytes(rss(SECOND))
    with pytest.raises(RuntimeError):
        fetch(path)
    assert dict(Advisory.objects.values_list("country_id", "level")) == imported


def test_an_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    path = tmp_path / "big.xml"
    path.write_bytes(rss(FIRST))
    with pytest.raises(CommandError, match="larger than 1000 bytes"):
        fetch(path)
    assert not Advisory.objects.exists()


def test_a_missing_file_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="nothing was imported"):
        fetch(tmp_path / "nowhere.xml")
