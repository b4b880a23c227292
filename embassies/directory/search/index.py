"""The directory as search and the finder read it, kept in this process's memory for one
generation of the data.

A query costs a few milliseconds of Python when it reads only memory, and several times that
when it builds ORM queries and objects for the same few hundred missions each time. So the
rows a search ranks, the missions it shows (with their countries and accreditations), the
countries, and whatever else is `derived` from them (the finder's tables) are read from the
database once per generation, country by country as queries ask for them, and kept.

What is kept is data, never an answer: every query is still parsed, matched and ranked.

A generation lasts until the data changes. The domain announces each change after its commit
(`embassies.lib.changes.changed`); the receiver (`data_changed`, connected in signals.py) bumps
the shared generation number, so every process starts a new snapshot on its next query after
EMBASSIES_PAGE_RECHECK_MS (this one's at once). A query reads that number first, from the
shared cache when this process has not read it within that time; when the shared cache cannot
say, the query gets a snapshot of its own, read afresh, kept by no one: slower, never out of
date.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from embassies.countries.models import Country
from embassies.directory.models import Mission
from embassies.directory.queries import with_relations
from embassies.lib import generations

GENERATION = "directory"  # the name of the shared generation number (embassies.lib.generations)
COLUMNS = ("id", "kind", "status", "lat", "lon", "city_geonameid", "sending_id", "host_id")

T = TypeVar("T")


@dataclass(frozen=True)
class Candidate:
    """The columns a search ranks a mission by."""

    id: int
    kind: str
    status: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    sending: str
    host: str


class Snapshot:
    """One generation of the data, filled as queries ask for it. Every value is complete once
    stored (threads may compute the same one at once; the last stored wins, both are equal)
    and never changed afterwards: readers need no lock."""

    def __init__(self, generation: int | None) -> None:
        self.generation = generation
        self._rows: dict[tuple[str, str], list[Candidate]] = {}  # ("sending"|"host", code)
        self._missions: dict[int, Mission] = {}
        self._derived: dict[Hashable, Any] = {}

    def rows(self, role: str, code: str) -> list[Candidate]:
        """The ranking columns of every mission `code` sends (role "sending") or hosts
        ("host"), by id."""
        key = (role, code)
        found = self._rows.get(key)
        if found is None:
            query = Mission.objects.filter(**{f"{role}_id": code}).order_by("id")
            found = [Candidate(*row) for row in query.values_list(*COLUMNS)]
            self._rows[key] = found
        return found

    def missions(self, ids: Iterable[int]) -> dict[int, Mission]:
        """These missions, with what serialising them needs (queries.with_relations); one
        query for those not read yet. An id no longer in the database is left out."""
        ids = list(ids)
        missing = [i for i in ids if i not in self._missions]
        if missing:
            loaded = with_relations(Mission.objects.filter(pk__in=missing).order_by())
            self._missions.update((m.pk, m) for m in loaded)
        return {i: self._missions[i] for i in ids if i in self._missions}

    def hosted(self, code: str) -> list[Mission]:
        """Every mission in country `code`, by id."""
        found = self.missions(c.id for c in self.rows("host", code))
        return list(found.values())

    def sent(self, code: str) -> list[Mission]:
        """Every mission of country `code`, by id."""
        found = self.missions(c.id for c in self.rows("sending", code))
        return list(found.values())

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value computed from this generation's data, computed once."""
        try:
            return self._derived[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def accredited(self, sending: str, host: str) -> frozenset[int]:
        """Ids of the sending state's missions accredited to host."""
        by_host = self.derived(("accredited", sending), lambda: _accreditations(sending))
        return by_host.get(host, frozenset())

    def countries(self) -> dict[str, Country]:
        """Every country by code (a few hundred rows, read whole)."""
        return self.derived("countries", lambda: {c.code: c for c in Country.objects.all()})


def _accreditations(sending: str) -> dict[str, frozenset[int]]:
    """Host -> ids of the sending state's missions accredited to it (one query)."""
    through = Mission.accreditations.through.objects.filter(mission__sending_id=sending)
    found: dict[str, set[int]] = {}
    for mission_id, host in through.values_list("mission_id", "country_id"):
        found.setdefault(host, set()).add(mission_id)
    return {host: frozenset(ids) for host, ids in found.items()}


@dataclass
class _Kept:
    snapshot: Snapshot | None = None


_kept = _Kept()
_lock = threading.Lock()


# The snapshot the query being answered reads (`reading`), so that the parts of one query read
# the same data and ask for the generation number once.
_reading: contextvars.ContextVar[Snapshot | None] = contextvars.ContextVar(
    "snapshot_reading", default=None
)


@contextmanager
def reading() -> Iterator[Snapshot]:
    """The current snapshot, which `current()` also gives until the block ends."""
    snapshot = current()
    token = _reading.set(snapshot)
    try:
        yield snapshot
    finally:
        _reading.reset(token)


def current() -> Snapshot:
    """The snapshot of the data as it is now (one read of the shared generation number), or
    the one the query being answered reads."""
    reading = _reading.get()
    if reading is not None:
        return reading
    # Trusted for PAGE_RECHECK_MS, like the page cache's numbers: this process's own changes
    # show at once, another's within that time, and most queries make no round trip for it.
    generation = generations.read([GENERATION]).get(GENERATION)
    if generation is None:
        # The shared cache is away: changes made meanwhile cannot be told apart, so what was
        # kept is dropped, and this query reads afresh for itself.
        _kept.snapshot = None
        return Snapshot(None)
    kept = _kept.snapshot
    if kept is not None and kept.generation == generation:
        return kept
    with _lock:  # one new snapshot per generation, not one per thread that noticed
        kept = _kept.snapshot
        if kept is None or kept.generation != generation:
            kept = _kept.snapshot = Snapshot(generation)
        return kept


def data_changed(**kwargs: Any) -> None:
    """Receiver of `embassies.lib.changes.changed` (sent after the commit): every process's
    snapshot is out of date, this one's at once."""
    _kept.snapshot = None
    generations.bump(GENERATION)
