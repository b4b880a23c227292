"""Structured matches: the missions that fit the parsed query, scored and ordered.

Only the few columns needed for ranking are read, and only for the rows the sending and host
indexes select; whole missions are loaded for the winners alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from embassies.countries import reference
from embassies.directory.models import Mission, Status
from embassies.directory.search.kinds import kind_rank
from embassies.directory.search.query import ParsedQuery
from embassies.lib.gazetteer import CITY_RADIUS_KM
from embassies.lib.geo import haversine_km

MAX_CANDIDATES = 3000
COLUMNS = ("id", "kind", "status", "lat", "lon", "city_geonameid", "sending_id", "host_id")


@dataclass(frozen=True)
class Candidate:
    id: int
    kind: str
    status: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    sending: str
    host: str


@dataclass(frozen=True)
class Ranked:
    id: int
    score: float
    distance_km: float | None
    sort_name: str


def candidates(parsed: ParsedQuery, accredited: bool = False) -> list[Candidate]:
    missions = Mission.objects.order_by()
    if parsed.sending:
        missions = missions.filter(sending_id=parsed.sending)
    if parsed.host and accredited:
        missions = missions.filter(accreditations=parsed.host)
    elif parsed.host:
        missions = missions.filter(host_id=parsed.host)
    return [Candidate(*row) for row in missions.values_list(*COLUMNS)[:MAX_CANDIDATES]]


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
    facts = reference.get(c.host if parsed.sending else c.sending)
    return facts.name if facts else ""


def score(parsed: ParsedQuery, c: Candidate, wanted: set[int]) -> Ranked:
    distance = _distance(parsed, c)
    points = 100.0 - 4 * kind_rank(parsed.kind, c.kind)
    if parsed.city is not None and not _in_city(parsed, c, distance):
        points -= 50 + min((distance or 2000.0) / 100, 20)
    if wanted and c.id not in wanted:
        points -= 30
    points -= {Status.CLOSED: 45, Status.SUSPENDED: 5}.get(Status(c.status), 0)
    return Ranked(c.id, round(points, 2), distance, _sort_name(parsed, c))


def ranked(parsed: ParsedQuery, found: list[Candidate], wanted: set[int]) -> list[Ranked]:
    scored = [score(parsed, c, wanted) for c in found]
    return sorted(scored, key=lambda r: (-r.score, r.distance_km or 0.0, r.sort_name, r.id))
