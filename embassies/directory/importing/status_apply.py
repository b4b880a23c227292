"""`embassies import mission-status-csv PATH`: store the file's status facts, then derive the
status of every mission they concern, in one transaction.

A fact is known by its mission, status and start date; a re-import changes only what the
file changed. A fact an editor changed or deleted is never written again by an import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from embassies.bundled import as_of_for
from embassies.directory.history import is_editor
from embassies.directory.importing import status_csv
from embassies.directory.importing.cli import Console
from embassies.directory.importing.running import import_lock
from embassies.directory.importing.status_csv import FactRow
from embassies.directory.importing.status_match import match
from embassies.directory.models import ImportRun, Mission, StatusFact
from embassies.directory.status import SOURCE, derive

REASON = "import mission-status-csv"
FIELDS = ("until", "moved_to", "source_url", "source_title", "note")


@dataclass
class Outcome:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    unmatched: list[dict[str, object]] = field(default_factory=list)
    rejections: list[dict[str, object]] = field(default_factory=list)
    missions: dict[int, Mission] = field(default_factory=dict)
    changed: int = 0  # missions whose status changed

    def summary(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
            f"unmatched {len(self.unmatched)}, rejected {len(self.rejections)}"
        )


def _taken_by_editor(mission: Mission, row: FactRow) -> bool:
    """Whether this row's fact once existed and an editor has since changed its key (status
    or date) or deleted it: imports never delete facts, so a deletion is an editor's."""
    ids = set(
        StatusFact.history.filter(
            mission_id=mission.pk, status=row.status, since=row.since
        ).values_list("id", flat=True)
    )
    alive = list(StatusFact.objects.filter(id__in=ids))
    return bool(ids) and (len(alive) < len(ids) or any(is_editor(f.source) for f in alive))


def _store(mission: Mission, row: FactRow, out: Outcome) -> None:
    fact = StatusFact.objects.filter(mission=mission, status=row.status, since=row.since).first()
    if fact is None and _taken_by_editor(mission, row):
        out.unchanged += 1
        return
    if fact is not None and (
        is_editor(fact.source) or all(getattr(fact, n) == getattr(row, n) for n in FIELDS)
    ):
        out.unchanged += 1
        return
    if fact is None:
        fact = StatusFact(mission=mission, status=row.status, since=row.since, source=SOURCE)
        out.added += 1
    else:
        out.updated += 1
    for name in FIELDS:
        setattr(fact, name, getattr(row, name))
    fact._change_reason = REASON  # type: ignore[attr-defined]
    fact.save()


def _apply(rows: list[FactRow], out: Outcome) -> None:
    first_line: dict[tuple[int, str, str], int] = {}
    for row in rows:
        found = match(row)
        if found.mission is None:
            out.unmatched.append({"row": row.line, "qid": row.qid, "reason": found.reason})
            continue
        key = (found.mission.pk, row.status, row.since)
        if key in first_line:
            reason = f"same mission, status and date as row {first_line[key]}"
            out.rejections.append({"row": row.line, "qid": row.qid, "reason": reason})
            continue
        first_line[key] = row.line
        out.missions[found.mission.pk] = found.mission
        _store(found.mission, row, out)


def apply_file(path: str | Path) -> tuple[Outcome, ImportRun]:
    """Read, match, store and derive: all of it or, on any error, nothing."""
    started = timezone.now()
    read = status_csv.read(path)
    out = Outcome(rejections=list(read.rejections))
    as_of = as_of_for(read.data)
    with import_lock(), transaction.atomic():
        _apply(read.rows, out)
        out.changed = sum(derive(m, REASON) for m in _locked(out.missions))
        run = ImportRun.objects.create(
            source=SOURCE,
            location=str(path)[:500],
            started_at=started,
            finished_at=timezone.now(),
            added=out.added,
            updated=out.updated,
            unchanged=out.unchanged,
            rejected=len(out.rejections),
            rejections=out.rejections + out.unmatched,
            data_as_of=_midnight(as_of) if as_of else None,
        )
    return out, run


def _locked(missions: dict[int, Mission]) -> list[Mission]:
    """The missions read again, their rows locked until the commit: derive() saves the whole
    row, so it must start from what an editor may have saved since they were matched."""
    return list(Mission.objects.select_for_update().filter(pk__in=sorted(missions)).order_by("pk"))


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time()))


def import_mission_status_csv(path: str, console: Console) -> ImportRun:
    """`embassies import mission-status-csv PATH`."""
    out, run = apply_file(path)
    for item in out.unmatched:
        console.stdout.write(f"  unmatched row {item['row']} {item['qid']}: {item['reason']}\n")
    for item in out.rejections:
        console.stdout.write(f"  rejected row {item['row']} {item['qid']}: {item['reason']}\n")
    console.stderr.write(f"status derived anew for {out.changed} missions\n")
    console.stdout.write(out.summary() + "\n")
    return run
