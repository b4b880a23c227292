"""A truncated file or an empty answer must not close the directory: a header-only CSV is
refused, and one run may close only a limited share of the open missions unless told to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.directory.importing.apply import close_limit
from embassies.directory.models import ImportRun, Mission, Status
from tests.conftest import snapshot_lines
from tests.factories import make_country, make_mission
from tests.localserver import Reply, local_server

pytestmark = pytest.mark.django_db

HEADER, *LINES = snapshot_lines()


def write(tmp_path: Path, lines: list[str], name: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def open_missions() -> int:
    return Mission.objects.exclude(status=Status.CLOSED).count()


@pytest.fixture
def hundred(tmp_path: Path) -> int:
    """A hundred lines of the snapshot imported; returns how many missions they opened."""
    call_command("import", "wikidata-csv", str(write(tmp_path, LINES[:100], "full.csv")))
    return open_missions()


def test_a_header_only_file_is_refused_and_closes_nothing(hundred: int, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no data rows"):
        call_command("import", "wikidata-csv", str(write(tmp_path, [], "header.csv")))
    assert open_missions() == hundred and ImportRun.objects.count() == 1


def test_a_file_listing_five_percent_closes_nothing_and_says_why(
    hundred: int, tmp_path: Path
) -> None:
    few = write(tmp_path, LINES[:5], "few.csv")
    with pytest.raises(CommandError) as refused:
        call_command("import", "wikidata-csv", str(few))
    message = str(refused.value)
    closing = hundred - 5
    assert f"would close {closing} of the {hundred} open missions" in message
    assert "limit of 50" in message and "--allow-mass-close" in message
    assert "\n" not in message
    assert open_missions() == hundred and ImportRun.objects.count() == 1


def test_the_flag_closes_them(hundred: int, tmp_path: Path) -> None:
    few = write(tmp_path, LINES[:5], "few.csv")
    call_command("import", "wikidata-csv", str(few), "--allow-mass-close")
    assert ImportRun.objects.latest().closed == hundred - 5
    assert open_missions() == 5


def test_the_limit_is_a_share_above_a_floor() -> None:
    """10 % of the open missions, but never fewer than 50: small files may still close some."""
    assert close_limit(11) == 50 and close_limit(500) == 50
    assert close_limit(9783) == 978


def test_the_limit_follows_the_settings(settings: Any) -> None:
    settings.IMPORT_MAX_CLOSE_PERCENT, settings.IMPORT_MAX_CLOSE_FLOOR = 25, 3
    assert close_limit(8) == 3 and close_limit(100) == 25


def empty_sparql(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
    """An endpoint that answers every sender with no mission at all."""
    payload = {"head": {"vars": ["mission"]}, "results": {"bindings": []}}
    return 200, {"Content-Type": "application/sparql-results+json"}, json.dumps(payload).encode()


@pytest.fixture
def canada_and_france() -> None:
    """60 open Canadian missions known to Wikidata, and 60 French ones."""
    for code, name in (("CA", "Canada"), ("FR", "France")):
        sender = make_country(code, name)
        for n in range(60):
            make_mission(sending=sender, city=f"City {n}", wikidata=f"Q9{ord(code[0])}{n:04d}")


@pytest.mark.usefixtures("canada_and_france")
def test_an_empty_live_answer_is_refused_within_the_senders_asked(
    settings: Any, fast_retries: None
) -> None:
    with local_server(empty_sparql) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        with pytest.raises(CommandError, match="would close 60 of the 60 open missions"):
            call_command("sync", "wikidata", "--only", "CA")
        assert open_missions() == 120
        call_command("sync", "wikidata", "--only", "CA", "--allow-mass-close")
    # --only keeps the closing to the senders asked: France's missions stay open.
    assert Mission.objects.filter(sending="CA", status=Status.CLOSED).count() == 60
    assert Mission.objects.filter(sending="FR", status=Status.OPEN).count() == 60


def test_the_flag_belongs_to_the_importers_that_close(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="applies to wikidata-csv only"):
        call_command("import", "emergency-csv", str(tmp_path / "x.csv"), "--allow-mass-close")
    with pytest.raises(CommandError, match="`sync wikidata` only"):
        call_command("sync", "osm", "--allow-mass-close")
