"""Turn missions and countries into what templates show: links, phone numbers, letter groups."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby
from typing import Any
from urllib.parse import quote, unquote

from django.core.exceptions import FieldDoesNotExist

from embassies.countries.models import Country
from embassies.directory.contact import display_phone, e164, social_links
from embassies.directory.hours import LocalTime, is_open, local_time
from embassies.directory.models import Mission
from embassies.directory.queries import Counts


@dataclass(frozen=True)
class Phone:
    text: str
    e164: str

    @property
    def dialable(self) -> bool:
        return self.e164.startswith("+")


def phones(mission: Mission) -> list[Phone]:
    region = mission.host_id
    return [Phone(display_phone(p, region), e164(p, region)) for p in mission.phones]


def osm_url(lat: float, lon: float) -> str:
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    )


def marker(mission: Mission) -> dict[str, Any]:
    return {
        "lat": mission.lat,
        "lon": mission.lon,
        "title": mission.title,
        "url": mission.get_absolute_url(),
        "status": mission.status,
    }


def markers(missions: list[Mission]) -> list[dict[str, Any]]:
    return [marker(m) for m in missions if m.lat is not None and m.lon is not None]


def letter(name: str) -> str:
    """'Å' -> 'A', 'Côte d'Ivoire' -> 'C': group under the letter people look for."""
    base = unicodedata.normalize("NFKD", name[:1]).encode("ascii", "ignore").decode()
    return base.upper() or "#"


Row = tuple[Country, Counts]


def by_letter(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """[("A", [(Afghanistan, counts), ...]), ...] for an A-Z list of countries."""
    ordered = sorted(rows, key=lambda row: (letter(row[0].name), row[0].name))
    return [(key, list(group)) for key, group in groupby(ordered, key=lambda r: letter(r[0].name))]


def possessive(name: str) -> str:
    """ "Russia's", "Bahamas'" (house style: an s-ending plural name takes the apostrophe alone)."""
    return f"{name}\u2019" if name.endswith("s") else f"{name}\u2019s"


def photo_src(url: str, width: int = 960) -> str:
    """Ask Wikimedia Commons for a resized image rather than the full-size original."""
    if "Special:FilePath/" in url and "width=" not in url:
        return f"{url}{'&' if '?' in url else '?'}width={width}"
    return url


def photo_page(url: str) -> str:
    """The Commons page of a Special:FilePath image, where its author and licence are stated."""
    if "Special:FilePath/" not in url:
        return url
    name = unquote(url.split("Special:FilePath/", 1)[1].split("?", 1)[0])
    return f"https://commons.wikimedia.org/wiki/File:{quote(name.replace(' ', '_'))}"


def hours_now(mission: Mission) -> tuple[LocalTime | None, bool | None]:
    """Local time at the mission and whether its opening_hours say it is open right now."""
    local = local_time(mission.lat, mission.lon)
    if local is None or not mission.opening_hours:
        return local, None
    return local, is_open(mission.opening_hours, local.now)


def field_label(name: str) -> str:
    """'photo_author' -> 'photo author': the model's own words for a field where it has them."""
    try:
        field = Mission._meta.get_field(name)
    except FieldDoesNotExist:
        return name.replace("_", " ")
    return str(getattr(field, "verbose_name", name.replace("_", " ")))


def sources_by_origin(sources: dict[str, str]) -> list[tuple[str, list[str]]]:
    """[("wikidata", ["address", "city", ...]), ("editor:anna", ["phones"])]: one row per origin."""
    grouped: dict[str, list[str]] = {}
    for field, origin in sorted(sources.items()):
        grouped.setdefault(str(origin), []).append(field_label(field))
    return sorted(grouped.items())


def mission_context(mission: Mission, others: list[Mission]) -> dict[str, Any]:
    local, open_now = hours_now(mission)
    return {
        "mission": mission,
        "phones": phones(mission),
        "social": social_links(mission.social),
        "local": local,
        "open_now": open_now,
        "accreditations": list(mission.accreditations.all()),
        "others": others,
        "markers": markers([mission]),
        "photo_src": photo_src(mission.photo) if mission.photo else "",
        "photo_page": photo_page(mission.photo) if mission.photo else "",
        "sources": sources_by_origin(mission.sources),
    }
