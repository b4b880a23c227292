"""A mission's local time (from its coordinates) and whether it is open now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone
from opening_hours import OpeningHours, ParserError  # type: ignore[attr-defined]  # not in its stubs
from timezonefinder import TimezoneFinder


@dataclass(frozen=True)
class LocalTime:
    zone: str
    now: datetime


@cache
def _finder() -> TimezoneFinder:
    # Loading the zone polygons takes a moment: do it once per process, on first use.
    return TimezoneFinder()


def zone_at(lat: float, lon: float) -> str | None:
    """The IANA zone name at a point ('Europe/Moscow'), or None at sea or off the map."""
    try:
        return _finder().timezone_at(lng=lon, lat=lat)
    except ValueError:
        return None


def local_time(
    lat: float | None, lon: float | None, now: datetime | None = None
) -> LocalTime | None:
    if lat is None or lon is None:
        return None
    zone = zone_at(lat, lon)
    if not zone:
        return None
    try:
        tz = ZoneInfo(zone)
    except ZoneInfoNotFoundError:
        return None
    return LocalTime(zone=zone, now=(now or timezone.now()).astimezone(tz))


def is_open(opening_hours: str, local_now: datetime) -> bool | None:
    """Open or closed at local_now; None when the hours cannot be read or say "unknown"."""
    try:
        hours = OpeningHours(opening_hours)
    except (ParserError, SyntaxError, ValueError):
        return None
    # The expression speaks of wall-clock time where the mission is, so compare naive local times.
    wall = local_now.replace(tzinfo=None)
    if hours.is_unknown(wall):
        return None
    return bool(hours.is_open(wall))
