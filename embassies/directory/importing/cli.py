"""Glue between the console commands and the importers: progress, summary, exit status."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from tqdm import tqdm

from embassies import bundled
from embassies.countries import reference
from embassies.directory.importing import commons, sparql, wikidata_csv
from embassies.directory.importing.apply import apply, known_rows
from embassies.directory.importing.prepare import Prepared, prepare
from embassies.directory.importing.records import Rejection
from embassies.directory.importing.snapshot_file import write_snapshot
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


def summary_line(run: ImportRun) -> str:
    return (
        f"added {run.added}, updated {run.updated}, unchanged {run.unchanged}, "
        f"closed {run.closed}, rejected {run.rejected}, repaired {run.repaired}"
    )


def report(run: ImportRun, out: Console, verbose: bool = False) -> None:
    """Rows rejected per kind of reason (counted when the run was stored), then the summary."""
    for code, count in run.rejected_by_code.items():
        out.stdout.write(f"  rejected {count:5d}: {Rejection(code).label}\n")
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
    as_of: datetime | None = None,
    allow_mass_close: bool = False,
) -> ImportRun:
    """Write and report; `reason` names the run in the missions' history ("import wikidata-csv"),
    `as_of` is the date of the data, `allow_mass_close` lifts the limit on closures (apply)."""
    out.stderr.write(f"writing {len(prepared.records)} missions\n")
    out.stderr.flush()
    run = apply(prepared, source, location, scope, reason, as_of, allow_mass_close)
    report(run, out)
    return run


def import_wikidata_csv(
    path: str, out: Console, as_of: date | None = None, allow_mass_close: bool = False
) -> ImportRun:
    """`embassies import wikidata-csv PATH [--as-of DATE] [--allow-mass-close]`: the file's data
    is dated by `as_of`, else by what is known of the file (bundled.as_of_for_file), else
    unknown."""
    rows = wikidata_csv.read_rows(path)
    out.stderr.write(f"read {len(rows)} rows from {path}\n")
    dated = as_of or bundled.as_of_for_file(Path(path), wikidata_csv.read_bytes(Path(path)))
    if dated is None:
        out.stderr.write(
            "the date of this file's data is unknown (give it with --as-of YYYY-MM-DD): "
            "its missions are shown as not confirmed\n"
        )
    prepared = prepare(rows, known_rows("wikidata"))
    return store(
        prepared,
        "wikidata",
        str(path),
        out,
        reason="import wikidata-csv",
        as_of=midnight(dated),
        allow_mass_close=allow_mass_close,
    )


def midnight(day: date | None) -> datetime | None:
    """A date of data as the moment it starts (UTC), the way verified_at stores it."""
    return datetime.combine(day, time.min, tzinfo=UTC) if day else None


def _country_of(sender_qid: str) -> str:
    """A state's code, or the state of a sub-national sender (Quebec -> CA)."""
    subdivision = reference.subnational_for_qid(sender_qid)
    return reference.code_for_qid(sender_qid) or (subdivision[0] if subdivision else "")


def sync_wikidata(
    only: list[str], out: Console, snapshot: Path | None = None, allow_mass_close: bool = False
) -> ImportRun:
    """`embassies sync wikidata [--write-snapshot PATH] [--allow-mass-close]`: every sender
    asked in turn; any failure aborts before writing. The rows read are also saved to
    `snapshot` when given."""
    queried = timezone.now()  # a live answer is as of the moment it was asked
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
    if snapshot is not None:
        url = settings.WIKIDATA_SPARQL_URL
        written = write_snapshot([row for _, row in rows], snapshot, queried, url)
        out.stderr.write(
            gettext("wrote %(count)s rows to %(path)s") % {"count": written, "path": snapshot}
            + "\n"
        )
    scope = wanted or None
    return store(
        prepare(rows, known_rows("wikidata")),
        "wikidata",
        settings.WIKIDATA_SPARQL_URL,
        out,
        scope,
        reason="sync wikidata",
        as_of=queried,
        allow_mass_close=allow_mass_close,
    )
