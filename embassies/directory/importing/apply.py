"""Write prepared records to the database in one transaction.

What to write is worked out first, from missions read outside it; the transaction then locks
the rows it writes and works out again any that an editor changed meanwhile (_lock_and_recheck),
so an edit made during an import is never overwritten by a value read before it.

Fields an editor set (source "editor:...") are never overwritten: the new value is kept as a
FieldConflict for review. Missions that vanish from the source are closed, never deleted.
Every mission added, changed or closed gets a history row whose reason names the import
("import wikidata-csv"); a row the source repeats unchanged writes none.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Field, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from tqdm import tqdm

from embassies.countries.models import Country
from embassies.directory.accreditation_history import accredited_sql
from embassies.directory.freshness import confirm
from embassies.directory.history import AS_OF, is_editor
from embassies.directory.importing.prepare import Known, Prepared
from embassies.directory.importing.records import MissionRecord, Rejection
from embassies.directory.importing.running import import_lock
from embassies.directory.models import FieldConflict, ImportRun, Mission, Status, mission_slug
from embassies.directory.search.document import build_search_document
from embassies.lib.batches import IN_LOOKUP, batched
from embassies.lib.changes import everything_changed

BATCH = 500
Accredited = Mission.accreditations.through


EMPTY: tuple[object, ...] = ("", None, [], {})


# The status facts' verdict (source "mission_status") stands against a listing that only says
# "open": an old listing is no evidence of reopening. A statement of closure still applies.
STATUS_KEYS = ("status", "status_since")


def facts_hold(mission: Mission, record: MissionRecord) -> bool:
    return mission.sources.get("status") == "mission_status" and record.status == Status.OPEN


# A city centre stands in for coordinates the source lacks; it never replaces a position that
# another source or an editor gave.
POSITION_KEYS = frozenset({"lat", "lon", "position_approximate"})


def keeps_position(mission: Mission, record: MissionRecord, source: str) -> bool:
    return record.position_approximate and mission.sources.get("lat", "") not in ("", source)


def source_key(attribute: str) -> str:
    """Provenance is kept by field name: "sending", not the attribute "sending_id"."""
    return attribute.removesuffix("_id")


@dataclass
class Writer:
    """State of one import while it runs: what to create, update, and what conflicts arose."""

    source: str
    names: dict[str, str]
    now: datetime
    as_of: datetime | None  # the date of the data: what verified_at records
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def slug(self, record: MissionRecord) -> str:
        sender = record.sending_subdivision or self.names[record.sending]
        return mission_slug(sender, record.kind, record.city or self.names[record.host])

    def new_mission(self, record: MissionRecord) -> Mission:
        values = record.values()
        mission = Mission(wikidata=record.wikidata, slug=self.slug(record), **values)
        mission.sources = {
            source_key(name): self.source for name, value in values.items() if value not in EMPTY
        }
        mission.source_hash = record.row_digest
        mission.notes = "; ".join(record.repairs)
        mission.search_document = build_search_document(mission)
        mission.verified_at = self.as_of
        mission.verified_by = self.source if self.as_of else ""
        return mission

    def update(
        self, mission: Mission, record: MissionRecord, conflicts: list[FieldConflict]
    ) -> bool:
        """Apply a record to an existing mission; False when nothing at all changed."""
        reopened = (
            mission.status == Status.CLOSED
            and mission.sources.get("status") == f"{self.source}:absent"
        )
        if mission.source_hash == record.row_digest and not reopened:
            return False
        for name, value in record.values().items():
            key = source_key(name)
            held_by = mission.sources.get(key, "")
            if key in STATUS_KEYS and facts_hold(mission, record):
                continue
            if key in POSITION_KEYS and keeps_position(mission, record, self.source):
                continue
            if is_editor(held_by):
                if getattr(mission, name) != value:
                    conflicts.append(self.conflict(mission, name, value, held_by))
                continue
            if value in EMPTY and held_by not in ("", self.source):
                continue  # another source (OpenStreetMap) filled what this one lacks: keep it
            setattr(mission, name, value)
            if value in EMPTY:
                mission.sources.pop(key, None)
            else:
                mission.sources[key] = self.source
        mission.source_hash = record.row_digest
        mission.notes = "; ".join(record.repairs)
        mission.slug = self.slug(record)
        mission.search_document = build_search_document(mission)
        mission.updated_at = self.now
        if latest(mission.verified_at, self.as_of) != mission.verified_at:
            mission.verified_at, mission.verified_by = self.as_of, self.source
        return True

    def conflict(self, mission: Mission, name: str, value: object, held_by: str) -> FieldConflict:
        current = getattr(mission, name)
        return FieldConflict(
            mission=mission,
            field=source_key(name),
            source=self.source,
            source_value=_json(value),
            current_value=_json(current),
            current_source=held_by,
        )


def latest(known: datetime | None, new: datetime | None) -> datetime | None:
    """An older file never makes a mission look less recently confirmed than it was."""
    return max(known, new) if known and new else known or new


def _json(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


UPDATE_FIELDS = sorted(
    {*MissionRecord.__dataclass_fields__} - {"wikidata", "accreditations", "repairs", "row_digest"}
    | {"sources", "source_hash", "notes", "slug", "updated_at", "verified_at", "verified_by"}
    | {"search_document"}
)


REJECTION_CODES = {code.value for code in Rejection}


def rejected_by_code(rejections: list[dict[str, object]]) -> dict[str, int]:
    """Rows rejected per reason code, most frequent first (ImportRun.rejected_by_code)."""
    counts = Counter(str(r["code"]) for r in rejections if r.get("code"))
    return dict(counts.most_common())


def known_rows(source: str) -> Known:
    """What stored missions and the last import of `source` made of each row they read.

    A mission closed for being absent is left out, so that its row coming back reopens it.
    """
    rows = Mission.objects.filter(wikidata__isnull=False).exclude(source_hash="")
    rows = rows.exclude(status=Status.CLOSED, sources__status__endswith=":absent")
    last = ImportRun.objects.filter(source=source).order_by("-finished_at").first()
    # A rejection stored before reasons had codes is left out: its row is parsed again.
    rejected = {
        str(r["digest"]): (str(r["reason"]), Rejection(r["code"]))
        for r in (last.rejections if last else [])
        if r.get("digest") and r.get("code") in REJECTION_CODES
    }
    imported = {
        digest: item for digest, item in rows.values_list("source_hash", "wikidata") if item
    }
    return Known(imported=imported, rejected=rejected)


def apply(
    prepared: Prepared,
    source: str,
    location: str,
    scope: set[str] | None = None,
    reason: str = "",
    as_of: datetime | None = None,
    allow_mass_close: bool = False,
) -> ImportRun:
    """Write everything or nothing; returns the stored ImportRun with its summary.

    `scope`: sending states the source covered in full (None: all). Only their missions can
    be closed for being absent, so a partial sync never closes the rest of the world.
    `reason`: what the history rows of this run say ("import wikidata-csv"; default
    "import SOURCE"; the date of the data is added to it).
    `as_of`: the date of the data (a snapshot's date, a live query's time); None when unknown,
    and then no mission counts as confirmed by this run.
    `allow_mass_close`: close however many missions are absent; without it MassClose is raised
    (and nothing written) when more would close than the settings allow (close_limit).
    """
    started = timezone.now()
    reason = dated_reason(reason or f"import {source}", as_of)
    run = Run(source, location, started, scope, reason, as_of, allow_mass_close)
    with import_lock():
        # Read and worked out without a transaction: editors go on meanwhile; only the rows
        # this run writes are locked, from their check until the commit (_lock_and_recheck).
        plan = _plan(prepared, run)
        with transaction.atomic():
            stored = _write(prepared, plan, run)
    if stored.added or stored.updated or stored.closed:
        everything_changed()  # bulk writes send no signals; any page may show these missions
    return stored


@dataclass(frozen=True)
class Run:
    """What one import is: its source, where it read from, when, over which senders, and why."""

    source: str
    location: str
    started: datetime
    scope: set[str] | None
    reason: str
    as_of: datetime | None
    allow_mass_close: bool = False


def dated_reason(reason: str, as_of: datetime | None) -> str:
    """ "import wikidata-csv (data as of 2022-11-16)": each version names the date of its data."""
    return f"{reason}{AS_OF}{as_of.date().isoformat()})" if as_of else reason


def _known_countries(prepared: Prepared) -> None:
    known = set(Country.objects.values_list("code", flat=True))
    kept = []
    for record in prepared.records:
        unknown = {record.sending, record.host} - known
        if unknown:
            reason = f"country {', '.join(sorted(unknown))} missing from the reference data"
            prepared.rejections.append(
                {
                    "row": None,
                    "qid": record.wikidata,
                    "reason": reason,
                    "code": Rejection.UNKNOWN_COUNTRY.value,
                }
            )
        else:
            record.accreditations = [code for code in record.accreditations if code in known]
            kept.append(record)
    prepared.records = kept


# What tells that someone wrote a mission since this run read it: every save sets updated_at;
# the admin's "mark verified" sets only verified_at and verified_by.
STAMP = ("updated_at", "sources", "verified_at", "verified_by")


def _stamp(mission: Mission) -> tuple[object, ...]:
    """STAMP's values as read, before this run changes them."""
    return (mission.updated_at, dict(mission.sources), mission.verified_at, mission.verified_by)


@dataclass
class Planned:
    """A mission as this run will write it, the record it comes from, and how it was read."""

    mission: Mission
    record: MissionRecord
    stamp: tuple[object, ...]
    conflicts: list[FieldConflict]


@dataclass
class Plan:
    """What one run will write: missions to add, and the planned update of existing ones."""

    writer: Writer
    to_create: list[Mission]
    updates: dict[int, Planned]  # by mission id

    def consider(self, mission: Mission, record: MissionRecord) -> None:
        """Plan the update of `mission` (as read now) by `record`, if anything changes."""
        stamp, conflicts = _stamp(mission), list[FieldConflict]()
        self.updates.pop(mission.pk, None)
        if self.writer.update(mission, record, conflicts):
            self.updates[mission.pk] = Planned(mission, record, stamp, conflicts)


def _plan(prepared: Prepared, run: Run) -> Plan:
    _known_countries(prepared)
    names = dict(Country.objects.values_list("code", "name"))
    writer = Writer(run.source, names, run.started, run.as_of)
    wanted = [r.wikidata for r in prepared.records]
    existing = {m.wikidata: m for m in _in_batches(Mission.objects.all(), "wikidata__in", wanted)}
    plan = Plan(writer, [], {})
    for record in tqdm(prepared.records, desc="missions", unit="", disable=None):
        mission = existing.get(record.wikidata)
        if mission is None:
            plan.to_create.append(writer.new_mission(record))
        else:
            plan.consider(mission, record)
    return plan


def _lock_and_recheck(plan: Plan) -> None:
    """Lock the rows about to be written (PostgreSQL; SQLite's write transaction already
    excludes every other writer) and plan again those written since they were read: an edit
    made meanwhile is kept, or its field reported as a conflict, never overwritten."""
    ids = sorted(plan.updates)
    for batch in batched(ids, IN_LOOKUP):
        locked = Mission.objects.select_for_update().filter(pk__in=batch).order_by("pk")
        now = {pk: tuple(stamp) for pk, *stamp in locked.values_list("pk", *STAMP)}
        for pk in set(batch) - set(now):
            del plan.updates[pk]  # deleted meanwhile: nothing to update
        stale = [pk for pk, stamp in now.items() if stamp != plan.updates[pk].stamp]
        for mission in Mission.objects.filter(pk__in=stale):
            plan.consider(mission, plan.updates[mission.pk].record)


def _write(prepared: Prepared, plan: Plan, run: Run) -> ImportRun:
    source, started = run.source, run.started
    _lock_and_recheck(plan)
    to_create, planned = plan.to_create, list(plan.updates.values())
    to_update = [p.mission for p in planned]
    Mission.objects.bulk_create(to_create, batch_size=BATCH)
    update_rows(to_update, UPDATE_FIELDS)
    save_conflicts([c for p in planned for c in p.conflicts])
    # Accreditations first: the versions written next hold them, and a mission whose only
    # change is its accreditations gets a version too.
    accreditation_changes = _sync_accreditations(prepared.records, source)
    created = {m.pk for m in to_create}
    record_history(sorted(created), "+", run.reason, started)
    changed = ({m.pk for m in to_update} | accreditation_changes) - created
    record_history(sorted(changed), "~", run.reason, started)
    seen = {r.wikidata for r in prepared.records} | set(prepared.unchanged)
    closed = _close_absent(seen, run)
    _mark_verified(seen, run)
    updated = len(changed)
    return ImportRun.objects.create(
        source=source,
        location=run.location[:500],
        started_at=started,
        finished_at=timezone.now(),
        data_as_of=run.as_of,
        added=len(to_create),
        updated=updated,
        unchanged=len(prepared.unchanged) + len(prepared.records) - len(to_create) - updated,
        closed=closed,
        rejected=len(prepared.rejections),
        repaired=len(prepared.repairs),
        rejections=prepared.rejections,
        repairs=prepared.repairs + prepared.warnings,
        rejected_by_code=rejected_by_code(prepared.rejections),
    )


def update_rows(missions: list[Mission], names: list[str]) -> None:
    """Store `names` of each mission: one UPDATE per row, sent in batches.

    bulk_update's CASE expressions over thirty columns took minutes for a re-import that
    changed every mission (PostgreSQL), and the rows stay locked while they run."""
    concrete = {field.name: field for field in Mission._meta.concrete_fields}
    fields = [concrete[name] for name in names]
    quote = connection.ops.quote_name
    columns = ", ".join(f"{quote(f.column)} = {_placeholder(f)}" for f in fields)
    # Names come from the model's own metadata; every value is a query parameter.
    sql = f"UPDATE {quote(Mission._meta.db_table)} SET {columns} WHERE id = %s"  # noqa: S608
    rows = [
        [f.get_db_prep_save(getattr(m, f.attname), connection) for f in fields] + [m.pk]
        for m in missions
    ]
    with connection.cursor() as cursor:
        for batch in batched(rows, BATCH):
            cursor.executemany(sql, batch)


def save_conflicts(conflicts: list[FieldConflict]) -> None:
    """Store new or changed conflicts. One already recorded with the same values is left as
    it is, so a re-import neither touches it nor reopens one an editor settled."""
    ids = {c.mission.pk for c in conflicts}
    stored = {
        (c.mission_id, c.field, c.source): c
        for c in FieldConflict.objects.filter(mission_id__in=ids)
    }
    for conflict in conflicts:
        old = stored.get((conflict.mission.pk, conflict.field, conflict.source))
        if old and (old.source_value, old.current_value) == (
            conflict.source_value,
            conflict.current_value,
        ):
            continue
        FieldConflict.objects.update_or_create(
            mission=conflict.mission,
            field=conflict.field,
            source=conflict.source,
            defaults={
                "source_value": conflict.source_value,
                "current_value": conflict.current_value,
                "current_source": conflict.current_source,
                "resolved": False,
                "decision": "",
                "decided_by": "",
                "decided_at": None,  # open again, undecided
            },
        )


def _sync_accreditations(records: list[MissionRecord], source: str) -> set[int]:
    """Make each mission's accreditations match its record; returns the ids that changed."""
    ids = dict(Mission.objects.filter(wikidata__isnull=False).values_list("wikidata", "id"))
    current: dict[int, set[str]] = defaultdict(set)
    for mission_id, code in Accredited.objects.values_list("mission_id", "country_id"):
        current[mission_id].add(code)
    wanted = {ids[r.wikidata]: set(r.accreditations) for r in records}
    changing = [m for m, codes in wanted.items() if codes != current.get(m, set())]
    held = _editor_held(changing, "accreditations")
    add: list[Any] = []
    remove: list[tuple[int, set[str]]] = []
    for mission_id in changing:
        if mission_id in held:
            continue
        have = current.get(mission_id, set())
        add += [Accredited(mission_id=mission_id, country_id=c) for c in wanted[mission_id] - have]
        remove.append((mission_id, have - wanted[mission_id]))
    Accredited.objects.bulk_create(add, batch_size=BATCH)
    for mission_id, codes in remove:
        if codes:
            Accredited.objects.filter(mission_id=mission_id, country_id__in=codes).delete()
    return {a.mission_id for a in add} | {mission_id for mission_id, codes in remove if codes}


def _placeholder(field: Field[Any, Any]) -> str:
    """PostgreSQL: the column's own type, as bulk_create and bulk_update cast to (a text longer
    than its column is cut there, as those cut it; SQLite keeps it whole)."""
    if connection.vendor != "postgresql":
        return "%s"
    return f"%s::{field.db_type(connection)}"


def _editor_held(ids: list[int], key: str) -> set[int]:
    """Which of these missions an editor holds `key` of, read with their rows locked, so that
    an editor cannot take the field between this answer and the import's write."""
    held: set[int] = set()
    ordered = sorted(ids)
    for batch in batched(ordered, IN_LOOKUP):
        rows = Mission.objects.select_for_update().filter(pk__in=batch)
        for pk, sources in rows.order_by("pk").values_list("pk", "sources"):
            if is_editor(sources.get(key, "")):
                held.add(pk)
    return held


def _in_batches(query: QuerySet[Any, Any], lookup: str, values: list[Any]) -> Iterator[Any]:
    """query filtered by `lookup` on many values, in chunks the databases accept."""
    for batch in batched(values, IN_LOOKUP):
        yield from query.filter(**{lookup: batch})


def _close_absent(seen: set[str], run: Run) -> int:
    """Close, never delete, the missions this source no longer lists (unless an editor holds status)."""
    candidates = Mission.objects.filter(wikidata__isnull=False).exclude(status=Status.CLOSED)
    if run.scope is not None:
        candidates = candidates.filter(sending__in=run.scope)
    still_open = list(candidates.only("id", "wikidata", "status", "sources"))
    absent = [m.pk for m in still_open if m.wikidata not in seen]
    held = _editor_held(absent, "status")  # read again with the rows locked
    fresh = Mission.objects.exclude(status=Status.CLOSED).only("id", "status", "sources")
    closing = list(_in_batches(fresh.order_by("pk"), "pk__in", sorted(set(absent) - held)))
    if len(closing) > close_limit(len(still_open)) and not run.allow_mass_close:
        raise MassClose(len(closing), len(still_open))
    for mission in closing:
        mission.status = Status.CLOSED
        mission.sources["status"] = f"{run.source}:absent"
        mission.updated_at = run.started
    update_rows(closing, ["status", "sources", "updated_at"])
    record_history([m.pk for m in closing], "~", f"{run.reason}: no longer listed", run.started)
    return len(closing)


def close_limit(still_open: int) -> int:
    """How many of the `still_open` missions in scope one run may close by absence."""
    share = still_open * settings.IMPORT_MAX_CLOSE_PERCENT // 100
    return max(share, settings.IMPORT_MAX_CLOSE_FLOOR)


class MassClose(ValueError):
    """The source no longer lists more missions than one run may close: most likely a truncated
    file or a failing endpoint, not that many closures. Raised inside the transaction, so the
    whole import is rolled back."""

    def __init__(self, closing: int, still_open: int) -> None:
        self.closing, self.still_open = closing, still_open
        super().__init__(
            gettext(
                "refused: this import would close %(closing)s of the %(open)s open missions it "
                "covers, more than the limit of %(limit)s (%(percent)s%% of them, at least "
                "%(floor)s: EMBASSIES_IMPORT_MAX_CLOSE_PERCENT, EMBASSIES_IMPORT_MAX_CLOSE_FLOOR); "
                "nothing was changed. If the source really no longer lists them, run it again "
                "with --allow-mass-close"
            )
            % {
                "closing": closing,
                "open": still_open,
                "limit": close_limit(still_open),
                "percent": settings.IMPORT_MAX_CLOSE_PERCENT,
                "floor": settings.IMPORT_MAX_CLOSE_FLOOR,
            }
        )


def _mark_verified(seen: set[str], run: Run) -> None:
    """Every mission the source still lists was confirmed as of the date of its data."""
    if run.as_of is None:
        return  # a file of unknown date confirms nothing
    listed = sorted(seen)
    for batch in batched(listed, IN_LOOKUP):
        confirm(Mission.objects.filter(wikidata__in=batch), run.as_of, run.source)


_HISTORY_COLUMNS = "history_date, history_change_reason, history_type, history_user_id"


def record_history(ids: list[int], kind: str, reason: str, when: datetime) -> None:
    """Write the history rows of missions just written in bulk (`kind` "+" added, "~" changed).

    The rows simple_history's bulk helpers would write, copied by the database itself with
    one INSERT ... SELECT per batch: building a historical object per mission in Python made
    the history a quarter of a first import's time.
    """
    history = Mission.history.model
    quote = connection.ops.quote_name
    # Names come from the models' own metadata; every value is a query parameter.
    columns = ", ".join(quote(field.column) for field in history.tracked_fields)
    into = f"{quote(history._meta.db_table)} ({columns}, {_HISTORY_COLUMNS}, accredited)"
    source = quote(Mission._meta.db_table)
    accredited = accredited_sql(source)
    sql = f"INSERT INTO {into} SELECT {columns}, %s, %s, %s, NULL, {accredited} FROM {source} WHERE id IN "  # noqa: S608
    date = connection.ops.adapt_datetimefield_value(when)
    with connection.cursor() as cursor:
        for batch in batched(ids, BATCH):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"{sql}({marks})", [date, reason, kind, *batch])
