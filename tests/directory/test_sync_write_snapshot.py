"""`embassies sync wikidata --write-snapshot PATH` against a local server that answers like the
Wikidata SPARQL endpoint: the file is in the shipped snapshot's format and imports again."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.bundled import snapshot
from embassies.directory.importing.records import OPTIONAL_COLUMNS
from embassies.directory.models import ImportRun, Mission
from tests.directory.test_sync_wikidata import CANADA_MOSCOW, CANADA_OLD, sparql_answer
from tests.localserver import local_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def endpoint(settings: Any, fast_retries: None) -> Iterator[str]:
    with local_server(sparql_answer({"Q16": [CANADA_MOSCOW, CANADA_OLD]})) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        yield settings.WIKIDATA_SPARQL_URL


def shipped_columns() -> list[str]:
    with gzip.open(snapshot(), "rb") as shipped:
        return shipped.readline().decode().rstrip("\n;").split(";")


def columns(header: str) -> list[str]:
    return header.rstrip("\n").split(";")


def test_written_snapshot_has_the_shipped_format_and_a_note(endpoint: str, tmp_path: Path) -> None:
    path = tmp_path / "missions.csv.gz"
    before = datetime.now(UTC).replace(microsecond=0)
    call_command("sync", "wikidata", "--only", "CA", "--write-snapshot", str(path))
    content = gzip.decompress(path.read_bytes())
    header, *rows = content.decode().splitlines(keepends=True)
    # The shipped columns, then the closure statements the reader knows as optional columns.
    assert columns(header) == [*shipped_columns(), *OPTIONAL_COLUMNS]
    assert len(rows) == 2 and "Q4374011" in rows[0]  # the dissolved consulate, with its date
    note = json.loads((tmp_path / "missions.csv.gz.json").read_text())
    assert note["sha256"] == hashlib.sha256(content).hexdigest()
    assert note["source"] == endpoint
    as_of = datetime.fromisoformat(note["as_of"])
    assert as_of.utcoffset() == timedelta(0) and before <= as_of <= datetime.now(UTC)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["missions.csv.gz", "missions.csv.gz.json"]


def test_written_snapshot_imports_again(endpoint: str, tmp_path: Path) -> None:
    path = tmp_path / "missions.csv"
    call_command("sync", "wikidata", "--only", "CA", "--write-snapshot", str(path))
    header = path.read_bytes().split(b"\n", 1)[0].decode()  # not compressed: no .gz suffix
    assert columns(header)[: len(shipped_columns())] == shipped_columns()
    Mission.objects.all().delete()
    call_command("import", "wikidata-csv", str(path))
    closed = Mission.objects.get(status="closed")  # Wikidata's dissolution kept, with its day
    assert closed.status_since != "" and closed.sources["status"] == "wikidata"
    mission = Mission.objects.get(status="open")
    assert (mission.wikidata, mission.sending_id, mission.host_id) == ("Q4374011", "CA", "RU")
    assert mission.city == "Moscow" and (mission.lat, mission.lon) == (55.74666667, 37.595)
    assert set(mission.accreditations.values_list("code", flat=True)) == {"UZ", "AM"}
    run = ImportRun.objects.latest()
    assert (run.source, run.added, run.rejected) == ("wikidata", 2, 0)


def test_failed_sync_writes_no_snapshot(settings: Any, fast_retries: None, tmp_path: Path) -> None:
    with local_server(lambda *args: (500, {}, b"timeout")) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        with pytest.raises(CommandError, match="nothing was changed"):
            call_command(
                "sync", "wikidata", "--only", "CA", "--write-snapshot", str(tmp_path / "x")
            )
    assert list(tmp_path.iterdir()) == []


def test_snapshot_into_a_missing_folder_changes_nothing(endpoint: str, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("sync", "wikidata", "--only", "CA", "--write-snapshot", str(tmp_path / "no/x"))
    assert not Mission.objects.exists()


def test_write_snapshot_is_for_wikidata_only(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="sync wikidata"):
        call_command("sync", "osm", "--write-snapshot", str(tmp_path / "x.csv"))
