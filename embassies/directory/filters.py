"""Filtering missions for listings and exports: one parser, one query, the same everywhere.

Filters: sending, host, kind, city, status, near=lat,lon with radius_km, updated_since.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from math import cos, radians

from django.db.models import ExpressionWrapper, F, FloatField, QuerySet
from django.db.models.functions import Power
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from embassies.directory.kinds import Kind
from embassies.directory.models import Mission, Status
from embassies.lib.geo import valid_point

FILTERS = ("sending", "host", "kind", "city", "status", "near", "radius_km", "updated_since")
KM_PER_DEGREE = 111.195
MAX_RADIUS_KM = 500.0  # the flat-earth distance below is good to about 1 % up to here


class FilterError(ValueError):
    """A filter value that cannot be used; `field` names the parameter."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class MissionFilter:
    sending: str | None = None
    host: str | None = None
    kind: str | None = None
    city: str | None = None
    status: str | None = None
    near: tuple[float, float] | None = None
    radius_km: float = 50.0
    updated_since: datetime | None = None


def _code(params: Mapping[str, str], name: str) -> str | None:
    value = (params.get(name) or "").strip().upper()
    if value and (len(value) != 2 or not value.isalpha()):
        raise FilterError(name, f"{name} must be an ISO 3166-1 alpha-2 code, not {value[:10]!r}.")
    return value or None


def _choice(params: Mapping[str, str], name: str, allowed: list[str]) -> str | None:
    value = (params.get(name) or "").strip().lower()
    if value and value not in allowed:
        raise FilterError(name, f"{name} must be one of: {', '.join(allowed)}.")
    return value or None


def _near(params: Mapping[str, str]) -> tuple[tuple[float, float] | None, float]:
    raw, radius_raw = (params.get("near") or "").strip(), (params.get("radius_km") or "").strip()
    try:
        radius = float(radius_raw) if radius_raw else 50.0
        point = tuple(float(part) for part in raw.split(",")) if raw else None
    except ValueError:
        raise FilterError("near", "near is lat,lon in degrees and radius_km a number.") from None
    if point is not None and (len(point) != 2 or not valid_point(*point)):
        raise FilterError("near", "near must be lat,lon with lat in -90..90, lon in -180..180.")
    if not 0 < radius <= MAX_RADIUS_KM:
        raise FilterError("radius_km", f"radius_km must be above 0 and at most {MAX_RADIUS_KM:g}.")
    return (point[0], point[1]) if point else None, radius


def _since(params: Mapping[str, str]) -> datetime | None:
    raw = (params.get("updated_since") or "").strip()
    if not raw:
        return None
    moment = parse_datetime(raw) or parse_datetime(raw + "T00:00:00")
    if moment is None:
        raise FilterError("updated_since", "updated_since must be an ISO 8601 date or time.")
    try:
        # In UTC, so a far offset cannot carry the time past what databases store.
        return (make_aware(moment) if is_naive(moment) else moment).astimezone(UTC)
    except (OverflowError, ValueError):
        # A valid time whose UTC falls outside years 1-9999 (0001-01-01T00:00+05:00): every
        # mission changed since then, or none has yet; the earliest or latest time says so.
        return (datetime.min if moment.year == 1 else datetime.max).replace(tzinfo=UTC)


def parse_filter(params: Mapping[str, str]) -> MissionFilter:
    """Read filters from query parameters; FilterError says which one is wrong and why."""
    for name in FILTERS:
        if "\x00" in (params.get(name) or ""):
            raise FilterError(name, f"{name} contains a NUL character.")
    near, radius = _near(params)
    return MissionFilter(
        sending=_code(params, "sending"),
        host=_code(params, "host"),
        kind=_choice(params, "kind", list(Kind.values)),
        city=(params.get("city") or "").strip()[:120] or None,
        status=_choice(params, "status", list(Status.values)),
        near=near,
        radius_km=radius,
        updated_since=_since(params),
    )


def filtered(f: MissionFilter, missions: QuerySet[Mission] | None = None) -> QuerySet[Mission]:
    """Missions matching every filter given, in a stable order (by id)."""
    query = Mission.objects.all() if missions is None else missions
    exact = {"sending_id": f.sending, "host_id": f.host, "kind": f.kind, "status": f.status}
    query = query.filter(**{name: value for name, value in exact.items() if value})
    if f.city:
        query = query.filter(city__iexact=f.city)
    if f.updated_since:
        query = query.filter(updated_at__gte=f.updated_since)
    if f.near:
        query = _within(query, f.near, f.radius_km)
    return query.order_by("id")


def _within(
    query: QuerySet[Mission], near: tuple[float, float], radius_km: float
) -> QuerySet[Mission]:
    """A box first, then the (flat-earth) distance, both in the database.

    Limitation: a circle across the 180th meridian is cut there.
    """
    lat, lon = near
    scale = max(cos(radians(lat)), 0.01)
    span = radius_km / KM_PER_DEGREE
    query = query.filter(
        lat__range=(lat - span, lat + span), lon__range=(lon - span / scale, lon + span / scale)
    )
    squared = Power(F("lat") - lat, 2) + Power((F("lon") - lon) * scale, 2)
    query = query.annotate(distance_sq=ExpressionWrapper(squared, output_field=FloatField()))
    return query.filter(distance_sq__lte=span**2)
