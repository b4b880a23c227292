"""The queries behind each rule of the finder; each returns missions, nearest or best first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from embassies.assistance.models import Arrangement
from embassies.countries.models import Country
from embassies.directory.kinds import CONSULAR_KINDS, Kind
from embassies.directory.models import Mission, Status
from embassies.directory.queries import with_relations
from embassies.lib.geo import haversine_km

Point = tuple[float, float]


def distance_km(mission: Mission, near: Point | None) -> float | None:
    if near is None or mission.lat is None or mission.lon is None:
        return None
    return round(haversine_km(near[0], near[1], mission.lat, mission.lon), 1)


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
    """Offices that serve citizens, with what serialising needs; sorted in Python, not SQL."""
    return with_relations(missions.filter(kind__in=CONSULAR_KINDS).order_by())


def own_missions(citizen: Country, host: Country) -> list[Mission]:
    return list(consular(Mission.objects.filter(sending=citizen, host=host)))


def accredited_missions(citizen: Country, host: Country) -> list[Mission]:
    found = Mission.objects.filter(sending=citizen, accreditations=host, status=Status.OPEN)
    return list(consular(found.exclude(host=host)).distinct())


def missions_of(
    senders: Iterable[str] | QuerySet[Country, Any], host: Country, honorary: bool = True
) -> list[Mission]:
    found = Mission.objects.filter(sending__in=senders, host=host, status=Status.OPEN)
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
