"""Glue between the console commands and the importers: progress, summary, exit status."""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from django.conf import settings
from django.core.management import call_command
from tqdm import tqdm

from embassies.countries import reference
from embassies.directory.importing import commons, sparql, wikidata_csv
from embassies.directory.importing.apply import apply, known_rows
from embassies.directory.importing.prepare import Prepared, prepare
from embassies.directory.models import ImportRun


class Stream(Protocol):
    def write(self, text: str) -> object: ...

    def flush(self) -> object: ...


class Console(Protocol):
    """What importers print to: a management command (or anything with two such streams)."""

    @property
    def stdout(self) -> Stream: ...

    @property
    def stderr(self) -> Stream: ...


def ensure_schema() -> None:
    """Bring the database up to date first: on a fresh install, importing is the first step."""
    call_command("migrate", interactive=False, verbosity=0)


def summary_line(run: ImportRun) -> str:
    return (
        f"added {run.added}, updated {run.updated}, unchanged {run.unchanged}, "
        f"closed {run.closed}, rejected {run.rejected}, repaired {run.repaired}"
    )


def _reason_kind(reason: str) -> str:
    """Group similar reasons ("host equals the sending state (Australia)...") for the report."""
    return reason.split(" (")[0].split(";")[0].split(":")[0]


def report(run: ImportRun, out: Console, verbose: bool = False) -> None:
    counts = Counter(_reason_kind(str(r["reason"])) for r in run.rejections)
    for kind, count in counts.most_common():
        out.stdout.write(f"  rejected {count:5d}: {kind}\n")
    if verbose:
        for r in run.rejections:
            out.stdout.write(f"    row {r['row']} {r['qid']}: {r['reason']}\n")
    out.stdout.write(summary_line(run) + "\n")


def store(
    prepared: Prepared,
    source: str,
    location: str,
    out: Console,
    scope: set[str] | None = None,
    reason: str = "",
) -> ImportRun:
    """Write and report; `reason` names the run in the missions' history ("import wikidata-csv")."""
    out.stderr.write(f"writing {len(prepared.records)} missions\n")
    out.stderr.flush()
    run = apply(prepared, source, location, scope, reason)
    report(run, out)
    return run


def import_wikidata_csv(path: str, out: Console) -> ImportRun:
    """`embassies import wikidata-csv PATH`."""
    rows = wikidata_csv.read_rows(path)
    ensure_schema()
    out.stderr.write(f"read {len(rows)} rows from {path}\n")
    prepared = prepare(rows, known_rows("wikidata"))
    return store(prepared, "wikidata", str(path), out, reason="import wikidata-csv")


def _country_of(sender_qid: str) -> str:
    """A state's code, or the state of a sub-national sender (Quebec -> CA)."""
    subdivision = reference.subnational_for_qid(sender_qid)
    return reference.code_for_qid(sender_qid) or (subdivision[0] if subdivision else "")


def sync_wikidata(only: list[str], out: Console) -> ImportRun:
    """`embassies sync wikidata`: every sender asked in turn; any failure aborts before writing."""
    ensure_schema()
    wanted = {code.upper() for code in only}
    senders = [(q, name) for q, name in sparql.senders() if not wanted or _country_of(q) in wanted]
    rows: list[tuple[int, dict[str, str]]] = []
    for sender_qid, name in tqdm(senders, desc="senders", unit="", disable=None):
        answer = sparql.query_sender(sender_qid)
        rows += [
            (len(rows) + i + 1, row)
            for i, row in enumerate(sparql.rows_from_answer(answer, sender_qid, name))
        ]
    out.stderr.write(f"read {len(rows)} missions of {len(senders)} senders from Wikidata\n")
    dropped = commons.add_credits([row for _, row in rows])
    if dropped:
        out.stderr.write(
            f"{dropped} photos left out: their licence could not be read from Commons\n"
        )
    scope = wanted or None
    return store(
        prepare(rows, known_rows("wikidata")), "wikidata", settings.WIKIDATA_SPARQL_URL, out, scope,
        reason="sync wikidata",
    )  # fmt: skip
