"""What each rule of the finder reads; each returns missions, nearest or best first.

Everything comes from the snapshot of the data (embassies.directory.search.index), read from
the database once per generation: a question costs no query of its own but the alerts'."""

from __future__ import annotations

from collections.abc import Iterable

from embassies.assistance.models import Arrangement, ArrangementKind, EmergencyLine
from embassies.countries.models import Country
from embassies.directory.kinds import CONSULAR_KINDS, Kind
from embassies.directory.models import FactStatus, Mission, Status, StatusFact
from embassies.directory.search.index import Snapshot, current
from embassies.lib.gazetteer import CITY_RADIUS_KM, City
from embassies.lib.geo import haversine_km

# Arrangements that exist because the represented state has no relations, or no working
# mission, in that host: they stand for its own offices there.
STANDING_KINDS = (ArrangementKind.PROTECTING_POWER, ArrangementKind.INTERESTS_SECTION)

Point = tuple[float, float]


def distance_km(mission: Mission, near: Point | None) -> float | None:
    if near is None or mission.lat is None or mission.lon is None:
        return None
    return round(haversine_km(near[0], near[1], mission.lat, mission.lon), 1)


def in_city(mission: Mission, distance: float | None, point_city: City | None) -> str:
    """The mission's city when the point is in it: the same city as the point's, or a city
    centre (an approximate position) within a city's reach of the point; else ""."""
    if point_city is not None and mission.city_geonameid == point_city.geonameid:
        return mission.city
    near = distance is not None and distance <= CITY_RADIUS_KM
    return mission.city if mission.position_approximate and near and mission.city else ""


def _order(mission: Mission, near: Point | None) -> tuple[object, ...]:
    """Honorary consuls last; then nearest when a point is given, else the most able office."""
    distance = distance_km(mission, near)
    rank = CONSULAR_KINDS.index(mission.kind) if mission.kind in CONSULAR_KINDS else 99
    first = distance if distance is not None else float(rank) if near is None else 1e9
    return (
        mission.kind == Kind.HONORARY_CONSULATE,
        first,
        rank,
        mission.sending.name,
        mission.city,
    )


def ordered(missions: Iterable[Mission], near: Point | None) -> list[Mission]:
    return sorted(missions, key=lambda m: _order(m, near))


def consular(missions: Iterable[Mission]) -> list[Mission]:
    """Offices that serve citizens; sorted by `ordered`, not here.

    A mission in a territory the host does not control (Abkhazia in Georgia) serves no one
    in the host state: never offered, under any rule."""
    return [m for m in missions if m.kind in CONSULAR_KINDS and m.territory == ""]


def own_missions(snapshot: Snapshot, citizen: Country, host: Country) -> list[Mission]:
    return consular(m for m in snapshot.hosted(host.code) if m.sending_id == citizen.code)


def accredited_missions(snapshot: Snapshot, citizen: Country, host: Country) -> list[Mission]:
    """The citizen's open missions elsewhere accredited to host."""
    ids = snapshot.accredited(citizen.code, host.code)
    found = snapshot.missions(sorted(ids)).values()
    return consular(m for m in found if m.status == Status.OPEN and m.host_id != host.code)


def missions_of(
    snapshot: Snapshot,
    senders: Iterable[str],
    host: Country,
    honorary: bool = True,
    operating: bool = True,
) -> list[Mission]:
    """The senders' consular offices in host (`operating`: open ones only)."""
    codes = set(senders)
    found = [m for m in snapshot.hosted(host.code) if m.sending_id in codes]
    found = [m for m in found if m.status == Status.OPEN] if operating else found
    if not honorary:
        found = [m for m in found if m.kind != Kind.HONORARY_CONSULATE]
    return consular(found)


def arrangements(snapshot: Snapshot, citizen: Country, host: Country) -> list[Arrangement]:
    """The citizen's arrangements for this host and its rules (Nordic, EU), specific ones first."""
    table = snapshot.derived("arrangements", _arrangements)
    rows = [a for a in table.get(citizen.code, []) if a.host_id in (host.code, None)]
    return sorted(rows, key=lambda a: (a.is_rule, a.pk))


def _arrangements() -> dict[str, list[Arrangement]]:
    """Every arrangement, by the state it represents (a few hundred rows, read whole)."""
    found: dict[str, list[Arrangement]] = {}
    for a in Arrangement.objects.select_related("representing").order_by("id"):
        found.setdefault(a.represented_id, []).append(a)
    return found


def eu_members(snapshot: Snapshot, excluding: str) -> list[str]:
    """The other member states' codes."""
    return [c.code for c in snapshot.countries().values() if c.is_eu and c.code != excluding]


def emergency_lines(snapshot: Snapshot, citizen: Country) -> list[EmergencyLine]:
    """The citizen's foreign-ministry lines, in their order (the model's)."""
    return list(snapshot.derived("emergency_lines", _emergency_lines).get(citizen.code, []))


def state_lines(code: str) -> list[EmergencyLine]:
    """A state's lines, from the current data (a mission page's, when it lists no phone)."""
    return list(current().derived("emergency_lines", _emergency_lines).get(code, []))


def _emergency_lines() -> dict[str, list[EmergencyLine]]:
    found: dict[str, list[EmergencyLine]] = {}
    for line in EmergencyLine.objects.order_by("country", "position", "id"):
        found.setdefault(line.country_id, []).append(line)
    return found


def standing(found: Iterable[Arrangement]) -> list[Arrangement]:
    """The protecting powers and interests sections for this very host (not the rules)."""
    return [a for a in found if not a.is_rule and a.kind in STANDING_KINDS]


def reopened(snapshot: Snapshot, missions: Iterable[Mission]) -> dict[int, list[str]]:
    """Mission id -> the dates its sources say it reopened."""
    every = snapshot.derived("reopened", _reopened)
    return {m.pk: every[m.pk] for m in missions if m.pk in every}


def _reopened() -> dict[int, list[str]]:
    """Every reopening date, by mission (one query)."""
    found: dict[int, list[str]] = {}
    facts = StatusFact.objects.filter(status=FactStatus.REOPENED).order_by("id")
    for mission_id, since in facts.values_list("mission_id", "since"):
        found.setdefault(mission_id, []).append(since)
    return found


def later(date: str, since: str) -> bool:
    """Whether `date` is after `since` (YYYY, YYYY-MM or YYYY-MM-DD), at the precision both
    have: 2010 is after 2009-12, 2009 is not after 2009-06. An undated arrangement is
    current: nothing is known to be after it."""
    common = min(len(date), len(since))
    return bool(since) and bool(date) and date[:common] > since[:common]


def superseding(
    mission: Mission, found: Iterable[Arrangement], reopened: dict[int, list[str]]
) -> Arrangement | None:
    """The standing arrangement that means this mission of the represented state does not
    serve, unless a later source says it does: a reopening after it, or an editor's status.
    A Wikidata listing is no such source: it outlives the missions it lists."""
    if mission.sources.get("status", "").startswith("editor"):
        return None
    dates = reopened.get(mission.pk, [])
    return next((a for a in found if not any(later(d, a.since) for d in dates)), None)
