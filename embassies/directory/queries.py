"""Read queries shared by pages, API and CLI; every listing runs a fixed number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from django.db.models import Count, QuerySet

from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.models import Mission, Status, short_kind_label

_QID = re.compile(r"^[Qq]\d+$")


def with_relations(missions: QuerySet[Mission]) -> QuerySet[Mission]:
    """What mission_to_dict and the templates touch, fetched up front (no query per mission)."""
    return missions.select_related("sending", "host").prefetch_related("accreditations")


@dataclass(frozen=True)
class CountryRef:
    code: str
    name: str
    slug: str


@dataclass(frozen=True)
class Listed:
    """What a list of missions shows, read as plain values: building 300 model instances
    (each with two countries and their JSON names) cost a country page most of its time."""

    pk: int
    slug: str
    kind: str
    sending_subdivision: str
    city: str
    status: str
    address: str
    lat: float | None
    lon: float | None
    sending: CountryRef
    host: CountryRef
    # The other states it covers, where its title depends on them: the Holy See, for a mission
    # in Italy (titles.to_holy_see); empty otherwise.
    accredited_codes: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return titles.english_title(self)

    def get_kind_display_short(self) -> str:
        return short_kind_label(self.kind)

    def get_status_display(self) -> str:
        return str(Status(self.status).label)


_LISTED = (
    "id",
    "slug",
    "kind",
    "sending_subdivision",
    "city",
    "status",
    "address",
    "lat",
    "lon",
    "sending_id",
    "sending__name",
    "sending__slug",
    "host_id",
    "host__name",
    "host__slug",
)


def listing(missions: QuerySet[Mission]) -> list[Listed]:
    return _to_holy_see(_listed(missions))


def _to_holy_see(listed: list[Listed]) -> list[Listed]:
    """Missions in Italy accredited to the Holy See are its embassies, titled so: one more
    query, only when the list holds missions in Italy."""
    in_italy = [m.pk for m in listed if m.host.code == "IT"]
    if not in_italy:
        return listed
    through = Mission.accreditations.through.objects.filter(
        mission_id__in=in_italy, country_id=titles.HOLY_SEE
    )
    holy_see = set(through.values_list("mission_id", flat=True))
    codes = (titles.HOLY_SEE,)
    return [replace(m, accredited_codes=codes) if m.pk in holy_see else m for m in listed]


def _listed(missions: QuerySet[Mission]) -> list[Listed]:
    rows = missions.values_list(*_LISTED)
    return [
        Listed(
            pk=pk,
            slug=slug,
            kind=kind,
            sending_subdivision=subdivision,
            city=city,
            status=status,
            address=address,
            lat=lat,
            lon=lon,
            sending=CountryRef(sending, sending_name, sending_slug),
            host=CountryRef(host, host_name, host_slug),
        )
        for (
            pk,
            slug,
            kind,
            subdivision,
            city,
            status,
            address,
            lat,
            lon,
            sending,
            sending_name,
            sending_slug,
            host,
            host_name,
            host_slug,
        ) in rows
    ]


def missions_in(country: Country) -> list[Listed]:
    """Missions hosted by country, by sending state then city."""
    return listing(Mission.objects.filter(host=country).order_by("sending__name", "city", "id"))


def missions_of(country: Country) -> list[Listed]:
    """Missions country sends abroad, by host state then city."""
    return listing(Mission.objects.filter(sending=country).order_by("host__name", "city", "id"))


def mission_detail(pk: int) -> Mission | None:
    return with_relations(Mission.objects.filter(pk=pk)).first()


def mission_by_ref(ref: str) -> Mission | None:
    """A mission by numeric id or Wikidata QID ('Q4374011')."""
    if _QID.match(ref):
        return with_relations(Mission.objects.filter(wikidata=ref.upper())).first()
    if ref.isdigit() and int(ref) < 2**63:  # ids are 64-bit; a longer number names nothing
        return mission_detail(int(ref))
    return None


def siblings(mission: Mission) -> list[Listed]:
    """The sending state's other missions in the same host state."""
    others = Mission.objects.filter(host=mission.host_id, sending=mission.sending_id)
    return listing(others.exclude(pk=mission.pk).order_by("city", "kind", "id"))


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
