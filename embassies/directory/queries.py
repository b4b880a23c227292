"""Read queries shared by pages, API and CLI; every listing runs a fixed number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from embassies.countries.models import Country
from embassies.directory.models import Mission

_QID = re.compile(r"^[Qq]\d+$")


def with_relations(missions: QuerySet[Mission]) -> QuerySet[Mission]:
    """What mission_to_dict and the templates touch, fetched up front (no query per mission)."""
    return missions.select_related("sending", "host").prefetch_related("accreditations")


def missions_in(country: Country) -> QuerySet[Mission]:
    """Missions hosted by country, by sending state then city."""
    missions = Mission.objects.filter(host=country).order_by("sending__name", "city", "id")
    return missions.select_related("sending", "host")


def missions_of(country: Country) -> QuerySet[Mission]:
    """Missions country sends abroad, by host state then city."""
    missions = Mission.objects.filter(sending=country).order_by("host__name", "city", "id")
    return missions.select_related("sending", "host")


def mission_detail(pk: int) -> Mission | None:
    return with_relations(Mission.objects.filter(pk=pk)).first()


def mission_by_ref(ref: str) -> Mission | None:
    """A mission by numeric id or Wikidata QID ('Q4374011')."""
    if _QID.match(ref):
        return with_relations(Mission.objects.filter(wikidata=ref.upper())).first()
    if ref.isdigit():
        return mission_detail(int(ref))
    return None


def siblings(mission: Mission) -> QuerySet[Mission]:
    """The sending state's other missions in the same host state."""
    others = missions_in(mission.host).filter(sending=mission.sending_id)
    return others.exclude(pk=mission.pk).order_by("city", "kind", "id")


@dataclass(frozen=True)
class Counts:
    hosted: int
    abroad: int


def country_counts(country: Country) -> Counts:
    return Counts(
        hosted=Mission.objects.filter(host=country).count(),
        abroad=Mission.objects.filter(sending=country).count(),
    )


def counts_by_country() -> dict[str, Counts]:
    """Counts for every country in two grouped queries (one per direction)."""
    hosted = _grouped("host")
    abroad = _grouped("sending")
    codes = hosted.keys() | abroad.keys()
    return {code: Counts(hosted.get(code, 0), abroad.get(code, 0)) for code in codes}


def _grouped(field: str) -> dict[str, int]:
    rows = Mission.objects.order_by().values(field).annotate(n=Count("id"))
    return {row[field]: row["n"] for row in rows}


def totals(counts: dict[str, Counts]) -> dict[str, int]:
    """Missions (each has exactly one host), and countries that send or host at least one."""
    return {"missions": sum(c.hosted for c in counts.values()), "countries": len(counts)}


def directory_counts() -> dict[str, int]:
    return totals(counts_by_country())
