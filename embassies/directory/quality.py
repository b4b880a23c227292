"""The data-quality report: what editors must fix, with counts per host country.

Each check is a filter on missions counted in the database (one GROUP BY per check) and listed
up to a limit (one query per check), so the report costs the same few queries for ten missions
or ten thousand. The one check SQL cannot do, coordinates outside the host, reads the
coordinates once and asks the in-memory gazetteer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from math import cos, floor, radians
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from embassies.alerts.models import Alert, active_q
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.models import FieldConflict, Mission, Status, mission_title
from embassies.lib import gazetteer
from embassies.lib.geo import haversine_km, valid_point

DEFAULT_LIMIT = 20
# A mission whose nearest city of its host lies farther than this is outside the host; the
# import proves hosts from coordinates with the same radius.
OUTSIDE_KM = 60.0
_LISTED = (
    "id",
    "slug",
    "kind",
    "sending_subdivision",
    "city",
    "status",
    "verified_at",
    "position_approximate",
    "sending_id",
    "sending__name",
    "host_id",
    "host__name",
)


@dataclass(frozen=True)
class Concerned:
    """One mission a check flags, with why, as plain values."""

    id: int
    title: str
    sending: str
    host: str
    status: str
    detail: str
    url: str
    admin_url: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CheckResult:
    key: str
    label: str
    count: int
    by_country: list[tuple[str, int]]  # (host code, missions), most first
    missions: list[Concerned]  # the first `limit`, in a stable order

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "count": self.count,
            "by_country": dict(self.by_country),
            "missions": [m.as_dict() for m in self.missions],
        }


@dataclass(frozen=True)
class Report:
    country: str | None
    generated_at: datetime
    stale_days: int
    limit: int
    checks: list[CheckResult]
    names: dict[str, str] = field(repr=False)  # country code -> name

    def check(self, key: str) -> CheckResult:
        return next(c for c in self.checks if c.key == key)

    def worst_countries(self, n: int = 10) -> list[tuple[str, int]]:
        """Host countries with the most problems, every check added up."""
        totals: Counter[str] = Counter()
        for check in self.checks:
            totals.update(dict(check.by_country))
        return sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))[:n]

    def as_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "generated_at": self.generated_at.isoformat(),
            "stale_days": self.stale_days,
            "limit": self.limit,
            "checks": [c.as_dict() for c in self.checks],
            "worst_countries": [
                {"code": code, "name": self.names.get(code, code), "problems": n}
                for code, n in self.worst_countries()
            ],
        }


Detail = Callable[[dict[str, Any]], str]


def build_report(
    country: str | None = None, limit: int = DEFAULT_LIMIT, now: datetime | None = None
) -> Report:
    """Every check, for missions hosted in `country` (alpha-2) or everywhere."""
    now = now or timezone.now()
    missions = Mission.objects.all()
    if country:
        missions = missions.filter(host_id=country)
    stale_days: int = settings.QUALITY_STALE_DAYS
    names = dict(Country.objects.values_list("code", "name"))
    open_or_suspended = missions.exclude(status=Status.CLOSED)  # a closed office needs no fix
    # A city centre stands in for the building on the map, but an editor still needs its place.
    no_place = Q(lat__isnull=True) | Q(lon__isnull=True) | Q(position_approximate=True)
    checks = [
        _sql_check(
            "no_coordinates",
            "No coordinates (or only the city centre's)",
            open_or_suspended.filter(no_place),
            limit,
            lambda r: "city centre only" if r["position_approximate"] else "no coordinates",
        ),
        _sql_check(
            "no_contact",
            "No contact (no phone, email or website)",
            open_or_suspended.filter(phones=[], emails=[], website=""),
            limit,
            lambda r: "no phone, email or website",
        ),
        _sql_check(
            "host_is_sender",
            "Host equals the sending state",
            missions.filter(host_id=F("sending_id")),
            limit,
            lambda r: f"an office of {r['sending__name']} in itself",
        ),
        _outside_host(missions, limit, names),
        _sql_check(
            "sender_not_state",
            "Sending state is not a state",
            missions.filter(sending__is_state=False),
            limit,
            lambda r: f"{r['sending__name']} is not a sovereign state",
        ),
        _conflicts(missions, limit),
        _closed_linked(missions, limit, now),
        _stale(open_or_suspended, limit, now, stale_days),
    ]
    return Report(country, now, stale_days, limit, checks, names)


def _sql_check(
    key: str,
    label: str,
    flagged: QuerySet[Mission],
    limit: int,
    detail: Detail,
    order: Iterable[Any] = ("host__name", "sending__name", "city", "id"),
) -> CheckResult:
    counts = _by_country(flagged)
    rows = flagged.order_by(*order).values(*_LISTED)[:limit] if limit else []
    return CheckResult(
        key, label, sum(n for _, n in counts), counts, [_concerned(r, detail(r)) for r in rows]
    )


def _by_country(flagged: QuerySet[Mission]) -> list[tuple[str, int]]:
    grouped = flagged.order_by().values_list("host_id").annotate(n=Count("id"))
    return sorted(((host, n) for host, n in grouped), key=lambda pair: (-pair[1], pair[0]))


def _concerned(row: dict[str, Any], detail: str) -> Concerned:
    sending = titles.Named(row["sending_id"], row["sending__name"])
    host = titles.Named(row["host_id"], row["host__name"])
    pk = row["id"]
    return Concerned(
        id=pk,
        title=mission_title(row["kind"], sending, host, row["city"], row["sending_subdivision"]),
        sending=row["sending_id"],
        host=row["host_id"],
        status=row["status"],
        detail=detail,
        url=reverse("web:mission", kwargs={"pk": pk, "slug": row["slug"]}),
        admin_url=reverse("admin:directory_mission_change", args=[pk]),
    )


def _outside_host(missions: QuerySet[Mission], limit: int, names: dict[str, str]) -> CheckResult:
    """Coordinates with cities around them, none of them in the host country."""
    placed = missions.filter(lat__isnull=False, lon__isnull=False)
    located: dict[int, str] = {}
    hosts: dict[int, str] = {}
    for pk, host, lat, lon in placed.values_list("id", "host_id", "lat", "lon").iterator(2000):
        where = _outside(host, lat, lon)
        if where is not None:
            located[pk], hosts[pk] = where, host
    counts = sorted(Counter(hosts.values()).items(), key=lambda pair: (-pair[1], pair[0]))
    rows = (
        placed.filter(id__in=list(located)).order_by("host__name", "sending__name", "city", "id")
    ).values(*_LISTED)[:limit]
    listed = [_concerned(r, _located(located[r["id"]], names)) for r in rows] if limit else []
    return CheckResult(
        "outside_host", "Coordinates outside the host country", len(located), counts, listed
    )


def _located(code: str, names: dict[str, str]) -> str:
    return f"coordinates are in {names.get(code, code)} ({code})"


def _outside(host: str, lat: float | None, lon: float | None) -> str | None:
    """The country the point is in when that is provably not the host, else None."""
    if lat is None or lon is None or not valid_point(lat, lon):
        return None
    if host not in _host_cells():
        return None  # no city of the host is known (the Holy See): nothing proves anything
    if _host_city_near(host, lat, lon):
        return None
    return gazetteer.country_at(lat, lon, OUTSIDE_KM)  # None: no city near enough to tell


def _host_city_near(host: str, lat: float, lon: float) -> bool:
    """Whether a city of `host` lies within OUTSIDE_KM. It stops at the first one: nearly every
    mission stands in a city of its host, so this takes microseconds, where gazetteer.nearby
    (every city around, sorted) took seconds over the whole directory."""
    cells = _host_cells()[host]
    lat_span = OUTSIDE_KM / gazetteer.KM_PER_DEGREE
    lon_span = min(180.0, lat_span / max(cos(radians(lat)), 0.01))
    around = [
        (cell_lat, (cell_lon + 180) % 360 - 180)
        for cell_lat in range(floor(lat - lat_span), floor(lat + lat_span) + 1)
        for cell_lon in range(floor(lon - lon_span), floor(lon + lon_span) + 1)
    ]
    own = (floor(lat), floor(lon))
    for cell in sorted(around, key=lambda c: c != own):  # its own cell first: the likeliest
        for city in cells.get(cell, ()):
            if haversine_km(lat, lon, city.lat, city.lon) <= OUTSIDE_KM:
                return True
    return False


@cache
def _host_cells() -> dict[str, dict[tuple[int, int], list[gazetteer.City]]]:
    """The gazetteer's cities by country, then by one-degree cell, most populous first (where
    missions are)."""
    cells: dict[str, dict[tuple[int, int], list[gazetteer.City]]] = defaultdict(dict)
    for city in sorted(gazetteer.cities().values(), key=lambda c: -c.population):
        cells[city.country].setdefault((floor(city.lat), floor(city.lon)), []).append(city)
    return dict(cells)


def _conflicts(missions: QuerySet[Mission], limit: int) -> CheckResult:
    waiting = FieldConflict.objects.filter(resolved=False)
    flagged = missions.filter(Exists(waiting.filter(mission=OuterRef("pk"))))
    result = _sql_check(
        "open_conflicts", "Conflicts waiting for review", flagged, limit, lambda r: ""
    )
    fields: dict[int, list[str]] = {}
    shown = [m.id for m in result.missions]
    for pk, name in (
        waiting.filter(mission_id__in=shown).order_by("field").values_list("mission_id", "field")
    ):
        fields.setdefault(pk, []).append(name)
    missions_listed = [
        _with_detail(m, f"{len(fields.get(m.id, []))} to review: {', '.join(fields.get(m.id, []))}")
        for m in result.missions
    ]
    return CheckResult(result.key, result.label, result.count, result.by_country, missions_listed)


def _with_detail(mission: Concerned, detail: str) -> Concerned:
    return Concerned(**{**mission.__dict__, "detail": detail})


def _closed_linked(missions: QuerySet[Mission], limit: int, now: datetime) -> CheckResult:
    """Closed or suspended missions an active alert, an open conflict or accreditations name."""
    links = {
        "in_alert": Exists(Alert.objects.filter(active_q(now), missions=OuterRef("pk"))),
        "in_conflict": Exists(FieldConflict.objects.filter(resolved=False, mission=OuterRef("pk"))),
        "accredited": Exists(Mission.accreditations.through.objects.filter(mission=OuterRef("pk"))),
    }
    flagged = (
        missions.exclude(status=Status.OPEN)
        .annotate(**links)
        .filter(Q(in_alert=True) | Q(in_conflict=True) | Q(accredited=True))
    )
    counts = _by_country(flagged)
    rows = flagged.order_by("host__name", "sending__name", "city", "id").values(*_LISTED, *links)[
        :limit
    ]
    listed = [_concerned(r, _link_detail(r)) for r in rows] if limit else []
    return CheckResult(
        "closed_linked",
        "Closed or suspended but still linked",
        sum(n for _, n in counts),
        counts,
        listed,
    )


def _link_detail(row: dict[str, Any]) -> str:
    named = {
        "in_alert": "an active alert",
        "in_conflict": "an unresolved conflict",
        "accredited": "its accreditations",
    }
    return f"{row['status']}, still named by " + ", ".join(t for k, t in named.items() if row[k])


def _stale(missions: QuerySet[Mission], limit: int, now: datetime, days: int) -> CheckResult:
    since = now - timedelta(days=days)
    flagged = missions.filter(Q(verified_at__isnull=True) | Q(verified_at__lt=since))
    return _sql_check(
        "stale",
        f"Not verified for {days} days",
        flagged,
        limit,
        _verified,
        order=(F("verified_at").asc(nulls_first=True), "host__name", "sending__name", "id"),
    )


def _verified(row: dict[str, Any]) -> str:
    when = row["verified_at"]
    return f"last verified {when:%Y-%m-%d}" if when else "never verified"
