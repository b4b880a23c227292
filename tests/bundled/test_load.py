"""The shipped data goes into an empty database on the first `embassies serve`, and on demand
with `embassies import shipped`; loading again, or over data already there, changes nothing."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Max

from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.bundled import dataset
from embassies.directory.models import ImportRun, Mission, StatusFact
from embassies.ops.management.commands.serve import EMPTY_NOTE
from embassies.ops.management.commands.serve import Command as Serve
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def rows_in(name: str) -> int:
    with dataset(name).path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def first_start(*args: str) -> str:
    """The serve command's loading step, with its command-line options; what it printed."""
    printed = io.StringIO()
    command = Serve(stdout=printed, stderr=printed)
    options = command.create_parser("embassies", "serve").parse_args(args)
    command.first_start(options.load)
    return printed.getvalue()


def database_state() -> tuple[object, ...]:
    return (
        Mission.objects.count(),
        Mission.objects.aggregate(Max("updated_at"), Max("verified_at")),
        Arrangement.objects.aggregate(Max("updated_at")),
        EmergencyLine.objects.count(),
        StatusFact.objects.count(),
        ImportRun.objects.count(),
    )


@pytest.mark.snapshot
def test_first_start_loads_every_shipped_dataset_and_a_second_load_changes_nothing() -> None:
    printed = first_start()
    assert "loaded the shipped data (Wikidata as of 16 November 2022): 9,7" in printed
    assert Mission.objects.count() > 9000
    assert Mission.objects.filter(wikidata="Q4374011", city="Moscow", sending="CA").exists()
    assert Arrangement.objects.count() == rows_in("representation")
    assert EmergencyLine.objects.count() == rows_in("emergency")
    assert StatusFact.objects.exists()
    assert EMPTY_NOTE not in printed

    loaded = database_state()
    out = io.StringIO()
    call_command("import", "shipped", stdout=out)
    assert "nothing was loaded" in out.getvalue()
    first_start()  # serve again: the database is no longer empty
    assert database_state() == loaded


def test_no_load_leaves_a_fresh_database_empty() -> None:
    printed = first_start("--no-load")
    assert not Mission.objects.exists() and not Arrangement.objects.exists()
    assert EMPTY_NOTE in printed and "embassies import shipped" in printed


def test_setting_off_leaves_a_fresh_database_empty(settings: Any) -> None:
    settings.LOAD_SHIPPED = False
    printed = first_start()
    assert not Mission.objects.exists() and not EmergencyLine.objects.exists()
    assert EMPTY_NOTE in printed


def test_a_database_emptied_after_imports_is_not_loaded_behind_the_operator() -> None:
    now = datetime.now(UTC)
    ImportRun.objects.create(source="wikidata", started_at=now, finished_at=now)
    first_start()
    assert not Mission.objects.exists() and not Arrangement.objects.exists()


def test_import_shipped_keeps_missions_already_there_and_adds_what_is_missing() -> None:
    synced = make_mission(wikidata="Q4374011")  # as if synced live: the 2022 file stays out
    out = io.StringIO()
    call_command("import", "shipped", stdout=out)
    assert list(Mission.objects.all()) == [synced]
    assert Arrangement.objects.count() == rows_in("representation")
    assert EmergencyLine.objects.count() == rows_in("emergency")
    assert out.getvalue().startswith("loaded the shipped data: 1 mission, ")


def test_import_shipped_takes_no_path() -> None:
    with pytest.raises(CommandError, match="takes no PATH"):
        call_command("import", "shipped", "some.csv")


def test_other_imports_still_need_a_path() -> None:
    with pytest.raises(CommandError, match="SOURCE PATH"):
        call_command("import", "wikidata-csv")
