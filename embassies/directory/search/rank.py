"""Structured matches: the missions that fit the parsed query, scored and ordered.

The few columns needed for ranking come from the in-memory snapshot of the data (index.py),
read once per generation for each sending or host state; whole missions for the winners alone.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from embassies.countries import reference
from embassies.directory.models import Status
from embassies.directory.search import index
from embassies.directory.search.index import Candidate
from embassies.directory.search.kinds import kind_rank
from embassies.directory.search.query import ParsedQuery
from embassies.lib.gazetteer import CITY_RADIUS_KM
from embassies.lib.geo import haversine_km

MAX_CANDIDATES = 3000
# Points off for a mission that cannot help now, by status value (looked up per candidate).
STATUS_PENALTY: dict[str, int] = {Status.CLOSED.value: 45, Status.SUSPENDED.value: 5}


class Ranked(NamedTuple):  # a tuple: a search ranks every candidate, hundreds at a time
    id: int
    score: float
    distance_km: float | None
    sort_name: str


def candidates(
    parsed: ParsedQuery, accredited: bool = False, snapshot: index.Snapshot | None = None
) -> list[Candidate]:
    """The missions that fit the query's sending and host states (`accredited`: those of the
    sending state accredited to the host from elsewhere), read from the snapshot."""
    snapshot = snapshot or index.current()
    if parsed.sending:
        found = snapshot.rows("sending", parsed.sending)
        if parsed.host and accredited:
            to_host = snapshot.accredited(parsed.sending, parsed.host)
            found = [c for c in found if c.id in to_host]
        elif parsed.host:
            found = [c for c in found if c.host == parsed.host]
    elif parsed.host and accredited:
        raise ValueError("accredited candidates need a sending state")
    elif parsed.host:
        found = snapshot.rows("host", parsed.host)
    else:
        return []
    return found[:MAX_CANDIDATES]


def _distance(parsed: ParsedQuery, c: Candidate) -> float | None:
    if parsed.city is None or c.lat is None or c.lon is None:
        return None
    return haversine_km(parsed.city.lat, parsed.city.lon, c.lat, c.lon)


def _in_city(parsed: ParsedQuery, c: Candidate, distance: float | None) -> bool:
    assert parsed.city is not None
    if distance is not None:
        return distance <= CITY_RADIUS_KM
    return c.geonameid == parsed.city.geonameid


def _sort_name(parsed: ParsedQuery, c: Candidate) -> str:
    """Lists of one sender's missions read by host; lists of one host's, by sender."""
    return _country_name(c.host if parsed.sending else c.sending)


@cache
def _country_name(code: str) -> str:
    """The reference name (the reference data ships with the code: it never changes)."""
    facts = reference.get(code)
    return facts.name if facts else ""


def score(
    parsed: ParsedQuery, c: Candidate, wanted: set[int], kinds: dict[str, float] | None = None
) -> Ranked:
    """`kinds`: kind_rank of each kind for this query, filled as met (one query ranks hundreds
    of missions of a dozen kinds)."""
    distance = _distance(parsed, c)
    rank = kinds.get(c.kind) if kinds is not None else None
    if rank is None:
        rank = kind_rank(parsed.kind, c.kind)
        if kinds is not None:
            kinds[c.kind] = rank
    points = 100.0 - 4 * rank
    if parsed.city is not None and not _in_city(parsed, c, distance):
        points -= 50 + min((distance or 2000.0) / 100, 20)
    if wanted and c.id not in wanted:
        points -= 30
    points -= STATUS_PENALTY.get(c.status, 0)
    return Ranked(c.id, round(points, 2), distance, _sort_name(parsed, c))


def ranked(parsed: ParsedQuery, found: list[Candidate], wanted: set[int]) -> list[Ranked]:
    kinds: dict[str, float] = {}
    scored = [score(parsed, c, wanted, kinds) for c in found]
    return sorted(scored, key=lambda r: (-r.score, r.distance_km or 0.0, r.sort_name, r.id))
