"""The queries behind each rule of the finder; each returns missions, nearest or best first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from embassies.assistance.models import Arrangement, ArrangementKind
from embassies.countries.models import Country
from embassies.directory.kinds import CONSULAR_KINDS, Kind
from embassies.directory.models import FactStatus, Mission, Status, StatusFact
from embassies.directory.queries import with_relations
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


def consular(missions: QuerySet[Mission]) -> QuerySet[Mission]:
    """Offices that serve citizens, with what serialising needs; sorted in Python, not SQL.

    A mission in a territory the host does not control (Abkhazia in Georgia) serves no one
    in the host state: never offered, under any rule."""
    found = missions.filter(kind__in=CONSULAR_KINDS, territory="")
    return with_relations(found.order_by())


def own_missions(citizen: Country, host: Country) -> list[Mission]:
    return list(consular(Mission.objects.filter(sending=citizen, host=host)))


def accredited_missions(citizen: Country, host: Country) -> list[Mission]:
    found = Mission.objects.filter(sending=citizen, accreditations=host, status=Status.OPEN)
    return list(consular(found.exclude(host=host)).distinct())


def missions_of(
    senders: Iterable[str] | QuerySet[Country, Any],
    host: Country,
    honorary: bool = True,
    operating: bool = True,
) -> list[Mission]:
    """The senders' consular offices in host (`operating`: open ones only)."""
    found = Mission.objects.filter(sending__in=senders, host=host)
    found = found.filter(status=Status.OPEN) if operating else found
    if not honorary:
        found = found.exclude(kind=Kind.HONORARY_CONSULATE)
    return list(consular(found))


def arrangements(citizen: Country, host: Country) -> list[Arrangement]:
    """The citizen's arrangements for this host and its rules (Nordic, EU), specific ones first."""
    rows = Arrangement.objects.filter(Q(host=host) | Q(host__isnull=True), represented=citizen)
    return sorted(rows.select_related("representing"), key=lambda a: (a.is_rule, a.pk))


def eu_members(excluding: str) -> QuerySet[Country, Any]:
    """The other member states, as a subquery (no round trip of its own)."""
    return Country.objects.filter(is_eu=True).exclude(code=excluding).values("code")


def standing(found: Iterable[Arrangement]) -> list[Arrangement]:
    """The protecting powers and interests sections for this very host (not the rules)."""
    return [a for a in found if not a.is_rule and a.kind in STANDING_KINDS]


def reopened(missions: Iterable[Mission]) -> dict[int, list[str]]:
    """Mission id -> the dates its sources say it reopened."""
    found: dict[int, list[str]] = {}
    facts = StatusFact.objects.filter(mission__in=[m.pk for m in missions])
    for mission_id, since in facts.filter(status=FactStatus.REOPENED).values_list(
        "mission_id", "since"
    ):
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
