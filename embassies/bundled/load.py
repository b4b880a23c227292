"""Load the data the package ships: on the first start (`embassies serve`) and on demand
(`embassies import shipped`).

Each dataset goes in through its own import command, so it is checked and recorded exactly as
an operator's import would be. A dataset whose kind of data the database already holds
(shipped, synced live or entered by editors) is left alone: loading twice changes nothing,
the 2022 snapshot never rolls back a live sync, and editors' records are never overwritten.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.core.management import call_command
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, ngettext
from tqdm import tqdm

from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.bundled import dataset
from embassies.directory.importing.cli import Console
from embassies.directory.models import ImportRun, Mission, StatusFact


def _has_missions() -> bool:
    return Mission.objects.exists() or ImportRun.objects.filter(source="wikidata").exists()


@dataclass(frozen=True)
class Step:
    dataset: str  # its name in the manifest
    source: str  # imported by `embassies import SOURCE PATH`
    present: Callable[[], bool]  # does the database already hold this kind of data?


# In this order: the status facts name missions, so the missions come first.
STEPS = (
    Step("wikidata", "wikidata-csv", _has_missions),
    Step("representation", "representation-csv", lambda: Arrangement.objects.exists()),
    Step("emergency", "emergency-csv", lambda: EmergencyLine.objects.exists()),
    Step("mission_status", "mission-status-csv", lambda: StatusFact.objects.exists()),
)


@dataclass(frozen=True)
class Outcome:
    loaded: tuple[str, ...]  # datasets imported now
    kept: tuple[str, ...]  # already in the database, left alone
    seconds: float


def database_is_empty() -> bool:
    """A fresh install: no mission and no import ever ran (an operator who emptied it on
    purpose after syncing still has the import runs, so nothing is loaded behind their back)."""
    return not Mission.objects.exists() and not ImportRun.objects.exists()


def import_sources() -> set[str]:
    """What `embassies import` can read in this version."""
    command = import_module("embassies.directory.management.commands.import")
    return set(command.IMPORTERS)


def load_shipped(out: Console) -> Outcome:
    """Import every shipped dataset the database does not hold yet, with a progress bar."""
    started = time.monotonic()
    loaded: list[str] = []
    kept: list[str] = []
    known = import_sources()
    for step in tqdm(STEPS, desc=gettext("shipped data"), unit="", disable=None):
        if step.present():
            kept.append(step.dataset)
        elif step.source not in known:
            out.stderr.write(_unavailable(step) + "\n")
        else:
            _import(step, out)
            loaded.append(step.dataset)
    return Outcome(tuple(loaded), tuple(kept), time.monotonic() - started)


def _import(step: Step, out: Console) -> None:
    """One dataset through its import command; its detailed report is kept back (the summary
    line says what matters) and shown only when the import fails."""
    report = io.StringIO()
    try:
        path = str(dataset(step.dataset).path)
        call_command("import", step.source, path, stdout=report, stderr=report)
    except Exception:
        out.stderr.write(report.getvalue())
        raise


def _unavailable(step: Step) -> str:
    return gettext("%(dataset)s: skipped, this version has no `embassies import %(source)s`") % {
        "dataset": step.dataset,
        "source": step.source,
    }


def summary(outcome: Outcome) -> str:
    """One line: what the database now holds, the date of the Wikidata snapshot when it was
    loaded now, and how long it took."""
    if not outcome.loaded:
        return gettext("the shipped data is already in the database; nothing was loaded")
    values = {"counts": _counts(), "seconds": f"{outcome.seconds:.0f}"}
    if "wikidata" not in outcome.loaded:
        return gettext("loaded the shipped data: %(counts)s in %(seconds)s s") % values
    as_of = date_format(dataset("wikidata").as_of, "j F Y")
    return gettext(
        "loaded the shipped data (Wikidata as of %(date)s): %(counts)s in %(seconds)s s"
    ) % {**values, "date": as_of}


def _counts() -> str:
    missions = Mission.objects.count()
    arrangements = Arrangement.objects.count()
    lines = EmergencyLine.objects.count()
    facts = StatusFact.objects.count()
    return ", ".join(
        (
            ngettext("%(n)s mission", "%(n)s missions", missions) % {"n": _n(missions)},
            ngettext("%(n)s arrangement", "%(n)s arrangements", arrangements)
            % {"n": _n(arrangements)},
            ngettext("%(n)s emergency line", "%(n)s emergency lines", lines) % {"n": _n(lines)},
            ngettext("%(n)s status fact", "%(n)s status facts", facts) % {"n": _n(facts)},
        )
    )


def _n(count: int) -> str:
    return number_format(count, force_grouping=True)
