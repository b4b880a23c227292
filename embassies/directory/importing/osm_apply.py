"""Write what OpenStreetMap adds to matched missions, in one transaction.

OSM fills what the mission lacks (address, opening hours, phones, emails, website) and records
the element's id. A field an editor set is never overwritten (the OSM value becomes a
FieldConflict); a value another source gave (Wikidata) is kept, and a differing OSM value only
counted. OSM never creates a mission: an element that matches none is reported with the reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from embassies.directory.freshness import confirm
from embassies.directory.history import is_editor
from embassies.directory.importing.apply import (
    EMPTY,
    Writer,
    record_history,
    save_conflicts,
    source_key,
)
from embassies.directory.importing.osm import OsmRecord, Parsed
from embassies.directory.importing.osm_match import Match, MissionIndex, match_all
from embassies.directory.importing.running import import_lock
from embassies.directory.models import FieldConflict, ImportRun, Mission
from embassies.directory.search.document import build_search_document
from embassies.lib.changes import countries_changed

SOURCE = "osm"
HISTORY_REASON = "import osm"
FILLED = ("address", "opening_hours", "phones", "emails", "website")
UPDATE_FIELDS = [*FILLED, "osm_id", "sources", "search_document", "updated_at"]


@dataclass
class Outcome:
    """What one OSM import did, for the summary printed after it."""

    run: ImportRun
    matched: int = 0
    filled: int = 0
    unchanged: int = 0
    ambiguous: int = 0
    conflicts: int = 0
    unmatched: list[dict[str, object]] = field(default_factory=list)
    malformed_hours: list[dict[str, object]] = field(default_factory=list)
    dropped: list[dict[str, object]] = field(default_factory=list)  # values past the limits
    differing: Counter[str] = field(default_factory=Counter)  # field -> OSM values not taken


@dataclass
class _Pass:
    writer: Writer
    conflicts: list[FieldConflict] = field(default_factory=list)
    differing: Counter[str] = field(default_factory=Counter)


def apply_osm(parsed: Parsed, location: str) -> Outcome:
    """Match every record and write the result; all or nothing."""
    started = timezone.now()
    with import_lock(), transaction.atomic():
        matches = match_all(parsed.records, MissionIndex.load())
        # Locked from this reading to the commit: an editor's write waits (bounded, see
        # importing/running.py) instead of being overwritten by values read before it.
        ids = sorted(m.mission_id for m in matches if m.mission_id)
        missions = Mission.objects.select_for_update().order_by("pk").in_bulk(ids)
        work = _Pass(Writer(SOURCE, {}, started, parsed.as_of))
        changed = [
            missions[m.mission_id]
            for m in matches
            if m.mission_id and _fill(missions[m.mission_id], m.record, work)
        ]
        _write(changed, started)
        # Like a Wikidata import, a match confirms the mission was still there as of the
        # data's date (no history row); an answer with no date confirms nothing.
        if parsed.as_of is not None:
            confirm(Mission.objects.filter(pk__in=list(missions)), parsed.as_of, SOURCE)
        save_conflicts(work.conflicts)
        outcome = _outcome(parsed, matches, changed, work, location, started)
    if changed:
        countries_changed(code for m in changed for code in (m.sending_id, m.host_id))
    return outcome


def _write(changed: list[Mission], started: datetime) -> None:
    """Store the changed missions, each with a history row naming this import."""
    # One UPDATE per mission: bulk_update's CASE expressions over nine fields cost about ten
    # times as much once a first import fills thousands of missions.
    for mission in changed:
        values = {name: getattr(mission, name) for name in UPDATE_FIELDS}
        Mission.objects.filter(pk=mission.pk).update(**values)
    record_history([m.pk for m in changed], "~", HISTORY_REASON, started)


def _fill(mission: Mission, record: OsmRecord, work: _Pass) -> bool:
    """Apply one record to its mission; True when anything changed."""
    changed = False
    for name, value in record.fill_values().items():
        changed |= _fill_field(mission, name, value, work)
    if mission.osm_id != record.osm_id:
        mission.osm_id = record.osm_id
        changed = True
    if changed:
        mission.search_document = build_search_document(mission)
        mission.updated_at = work.writer.now
    return changed


def _fill_field(mission: Mission, name: str, value: object, work: _Pass) -> bool:
    held_by = mission.sources.get(source_key(name), "")
    current = getattr(mission, name)
    if is_editor(held_by):
        if value not in EMPTY and current != value:
            work.conflicts.append(work.writer.conflict(mission, name, value, held_by))
        return False
    if held_by != SOURCE and current not in EMPTY:
        # Wikidata's (or another source's) value stays; how often OSM differs is reported.
        if value not in EMPTY and current != value:
            work.differing[name] += 1
        return False
    if current == value or (value in EMPTY and current in EMPTY):
        return False
    setattr(mission, name, value)
    if value in EMPTY:
        mission.sources.pop(source_key(name), None)  # gone from OSM: so gone from here
    else:
        mission.sources[source_key(name)] = SOURCE
    return True


def _outcome(
    parsed: Parsed,
    matches: list[Match],
    changed: list[Mission],
    work: _Pass,
    location: str,
    started: datetime,
) -> Outcome:
    unmatched: list[dict[str, object]] = [
        {"row": None, "qid": None, "osm_id": m.record.osm_id, "reason": m.reason}
        for m in matches
        if m.mission_id is None
    ]
    skipped: list[dict[str, object]] = [{"row": None, "qid": None, **s} for s in parsed.skipped]
    malformed: list[dict[str, object]] = [
        {
            "row": None,
            "qid": None,
            "osm_id": m.record.osm_id,
            "repair": f"opening_hours {m.record.opening_hours!r} kept as text: not valid syntax",
        }
        for m in matches
        if m.mission_id is not None and m.record.hours_malformed
    ]
    dropped: list[dict[str, object]] = [
        {"row": None, "qid": None, "osm_id": m.record.osm_id, "repair": note}
        for m in matches
        if m.mission_id is not None
        for note in m.record.dropped
    ]
    matched = sum(1 for m in matches if m.mission_id is not None)
    run = ImportRun.objects.create(
        source=SOURCE,
        location=location[:500],
        started_at=started,
        finished_at=timezone.now(),
        data_as_of=parsed.as_of,
        updated=len(changed),
        unchanged=matched - len(changed),
        rejected=len(unmatched) + len(skipped),
        rejections=unmatched + skipped,
        repaired=len(malformed) + len(dropped),
        repairs=malformed + dropped,
    )
    return Outcome(
        run=run,
        matched=matched,
        filled=len(changed),
        unchanged=matched - len(changed),
        ambiguous=sum(1 for m in matches if m.ambiguous),
        conflicts=len(work.conflicts),
        unmatched=unmatched + skipped,
        malformed_hours=malformed,
        dropped=dropped,
        differing=work.differing,
    )
