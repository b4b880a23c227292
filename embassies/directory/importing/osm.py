"""OpenStreetMap's diplomatic offices: the Overpass query, and its JSON answer made into records.

`sync osm` and `import osm-json` both go through `parse_answer`, so a live answer and a saved
one are read by the same rules. Tags follow the OSM wiki's `office=diplomatic` scheme; the
legacy `amenity=embassy` is read too, its kind then taken from `diplomatic=*` or the name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from opening_hours import OpeningHours, ParserError  # type: ignore[attr-defined]  # not in its stubs

from embassies.directory import limits
from embassies.directory.kinds import Kind, kind_from_label
from embassies.lib.geo import valid_point
from embassies.lib.http import fetch
from embassies.lib.urls import web_url

QUERY_TIMEOUT_S = 600
ELEMENT_TYPES = ("node", "way", "relation")

# diplomatic=* -> kind. Sub-tags (embassy=*, consulate=*) refine it below.
_DIPLOMATIC = {
    "embassy": Kind.EMBASSY,
    "high_commission": Kind.HIGH_COMMISSION,
    "consulate": Kind.CONSULATE,
    "consulate_general": Kind.CONSULATE_GENERAL,
    "honorary_consulate": Kind.HONORARY_CONSULATE,
    "consular_agency": Kind.CONSULAR_AGENCY,
    "permanent_mission": Kind.PERMANENT_MISSION,
    "nunciature": Kind.APOSTOLIC_NUNCIATURE,
    "interests_section": Kind.INTERESTS_SECTION,
    "liaison": Kind.LIAISON_OFFICE,
    "delegation": Kind.REPRESENTATIVE_OFFICE,
    "representative_office": Kind.REPRESENTATIVE_OFFICE,
    "trade_delegation": Kind.TRADE_OFFICE,
}
_EMBASSY_SUBTAG = {
    "high_commission": Kind.HIGH_COMMISSION,
    "nunciature": Kind.APOSTOLIC_NUNCIATURE,
    "interests_section": Kind.INTERESTS_SECTION,
    "delegation": Kind.REPRESENTATIVE_OFFICE,
}
_CONSULATE_SUBTAG = {
    "consulate_general": Kind.CONSULATE_GENERAL,
    "honorary_consul": Kind.HONORARY_CONSULATE,
    "honorary_consulate": Kind.HONORARY_CONSULATE,
    "consular_agency": Kind.CONSULAR_AGENCY,
    "consular_office": Kind.CONSULATE,
}
# Places that carry diplomatic tags without being an office people can go to.
NOT_MISSIONS = {"residence", "ambassadors_residence", "visa_application_centre", "visa_centre"}
NAME_TAGS = ("name", "name:en", "official_name", "official_name:en", "alt_name", "short_name")


class BadAnswer(ValueError):
    """The whole answer or file is unusable; the message says why in one line."""


@dataclass
class OsmRecord:
    """What one OSM element asserts about a mission, in the Mission model's terms."""

    osm_id: str
    lat: float | None
    lon: float | None
    sending: str  # the `country` tag, upper-cased; "" when absent
    target: str  # the `target` tag (receiving state), upper-cased; "" when absent
    kind: str  # a Kind value; "" when neither tags nor name say
    names: list[str]
    address: str
    opening_hours: str
    phones: list[str]
    emails: list[str]
    website: str
    hours_malformed: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)  # values past the limits, and why

    def fill_values(self) -> dict[str, object]:
        """The fields OSM may fill on a mission."""
        return {
            "address": self.address,
            "opening_hours": self.opening_hours,
            "phones": self.phones,
            "emails": self.emails,
            "website": self.website,
        }


@dataclass
class Parsed:
    records: list[OsmRecord] = field(default_factory=list)
    skipped: list[dict[str, object]] = field(default_factory=list)  # [{osm_id, reason}]
    as_of: datetime | None = None  # the database's state the answer shows (osm3s timestamp)


def query(only: list[str] | None = None) -> str:
    """Overpass QL for every diplomatic office (or those of the given sending states)."""
    filters = [f'["country"="{code.upper()}"]' for code in only or []] or [""]
    parts = [
        f'  nwr["{key}"="{value}"]{extra};'
        for key, value in (("office", "diplomatic"), ("amenity", "embassy"))
        for extra in filters
    ]
    body = "\n".join(parts)
    return f"[out:json][timeout:{QUERY_TIMEOUT_S}];\n(\n{body}\n);\nout center tags;\n"


def fetch_answer(only: list[str] | None = None) -> dict[str, Any]:
    """Ask the Overpass API (settings.OVERPASS_URL); retries and limits are the HTTP helper's."""
    body = fetch(settings.OVERPASS_URL, method="POST", data={"data": query(only)})
    return decode(body, "the Overpass API")


def read_file(path: str | Path) -> dict[str, Any]:
    """A saved Overpass JSON answer; BadAnswer for a file that is missing or not one."""
    path = Path(path)
    if not path.is_file():
        raise BadAnswer(f"{path}: no such file")
    return decode(path.read_bytes(), str(path))


def decode(body: bytes, origin: str) -> dict[str, Any]:
    try:
        answer = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadAnswer(f"{origin}: not UTF-8 text") from None
    except ValueError as error:
        raise BadAnswer(f"{origin}: not JSON ({error})") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("elements"), list):
        raise BadAnswer(f'{origin}: not an Overpass JSON answer (no "elements" list)')
    remark = str(answer.get("remark") or "")
    # Overpass answers 200 with a remark when the query timed out or ran out of memory, and
    # the elements are then incomplete: importing half the world would mislead.
    if "error" in remark.lower():
        raise BadAnswer(f"{origin}: the Overpass API reported an error: {remark[:200]}")
    for position, element in enumerate(answer["elements"]):
        _check_element(element, position, origin)
    return answer


def _check_element(element: object, position: int, origin: str) -> None:
    where = f"{origin}: element {position + 1}"
    if not isinstance(element, dict):
        raise BadAnswer(f"{where} is not an object")
    osm_id = element.get("id")
    if element.get("type") not in ELEMENT_TYPES or type(osm_id) is not int or osm_id <= 0:
        raise BadAnswer(f"{where} has no valid type and id")
    if not isinstance(element.get("tags", {}), dict):
        raise BadAnswer(f"{where} has tags that are not an object")


def parse_answer(answer: dict[str, Any]) -> Parsed:
    """Records for the elements that are missions; the others skipped with their reason."""
    out = Parsed(as_of=_timestamp(answer.get("osm3s")))
    seen: set[str] = set()
    for element in answer["elements"]:
        osm_id = f"{element['type']}/{element['id']}"
        tags = {_clean(k): _clean(v) for k, v in (element.get("tags") or {}).items()}
        reason = _not_a_mission(tags)
        if osm_id in seen:
            reason = "listed twice in the answer"
        seen.add(osm_id)
        if reason:
            out.skipped.append({"osm_id": osm_id, "reason": reason})
            continue
        out.records.append(parse_element(osm_id, element, tags))
    return out


def _timestamp(meta: object) -> datetime | None:
    """Overpass's "timestamp_osm_base": the date of the data. Anything odd (not a time, in
    the future) is no date at all rather than a wrong one."""
    text = meta.get("timestamp_osm_base") if isinstance(meta, dict) else None
    try:
        when = datetime.fromisoformat(str(text).replace("Z", "+00:00")) if text else None
    except ValueError:
        return None
    if when is None or when.tzinfo is None or when > timezone.now() + timedelta(days=1):
        return None
    return when


def _clean(value: object) -> str:
    """Tag text without control characters: PostgreSQL refuses NUL, and no tag needs them."""
    return "".join(ch for ch in str(value) if ch >= " " or ch == "\n").strip()


def _not_a_mission(tags: dict[str, str]) -> str:
    if tags.get("office") != "diplomatic" and tags.get("amenity") != "embassy":
        return "not a diplomatic office"
    for key in ("diplomatic", "embassy", "consulate"):
        if tags.get(key, "") in NOT_MISSIONS:
            return f"not a mission ({key}={tags[key]})"
    return ""


def within_limits(record: OsmRecord) -> OsmRecord:
    """Values past the limits every write path applies are dropped, each with its reason:
    anyone can edit OpenStreetMap, and one bad phone must not keep the rest out."""
    for name, reasons in limits.problems(record.fill_values()).items():
        setattr(record, name, [] if name in ("phones", "emails") else "")
        record.dropped.append(f"{name} dropped: {reasons[0]}")
    return record


def parse_element(osm_id: str, element: dict[str, Any], tags: dict[str, str]) -> OsmRecord:
    lat, lon = _point(element)
    hours = tags.get("opening_hours", "")[:500]
    return within_limits(
        OsmRecord(
            osm_id=osm_id,
            lat=lat,
            lon=lon,
            sending=tags.get("country", "").upper(),
            target=tags.get("target", "").upper(),
            kind=kind_of(tags),
            names=[tags[key] for key in NAME_TAGS if tags.get(key)],
            address=address(tags),
            opening_hours=hours,
            phones=_several(tags, "phone"),
            emails=[e.removeprefix("mailto:") for e in _several(tags, "email")],
            website=_website(tags),
            hours_malformed=bool(hours) and not hours_readable(hours),
            tags=tags,
        )
    )


def _point(element: dict[str, Any]) -> tuple[float | None, float | None]:
    """A node's own position; a way's or relation's `center` (asked for by `out center`)."""
    source = element if element.get("type") == "node" else element.get("center") or {}
    try:
        lat, lon = float(source["lat"]), float(source["lon"])
    except (KeyError, TypeError, ValueError):
        return None, None
    return (lat, lon) if valid_point(lat, lon) else (None, None)


def kind_of(tags: dict[str, str]) -> str:
    """The Kind the tags state; with legacy tags alone, what the name says; else ""."""
    diplomatic = tags.get("diplomatic", "")
    kind = _DIPLOMATIC.get(diplomatic) or (kind_from_label(diplomatic) if diplomatic else None)
    if kind == Kind.EMBASSY:
        kind = _EMBASSY_SUBTAG.get(tags.get("embassy", ""), kind)
    elif kind == Kind.CONSULATE:
        kind = _CONSULATE_SUBTAG.get(tags.get("consulate", ""), kind)
    if kind is None or kind == Kind.OTHER:
        kind = kind_from_label(tags.get("name:en") or tags.get("name", ""))
    return "" if kind == Kind.OTHER else kind.value


def hours_readable(value: str) -> bool:
    try:
        OpeningHours(value)
    except (ParserError, SyntaxError, ValueError):
        return False
    return True


def _several(tags: dict[str, str], key: str) -> list[str]:
    """`phone` and `contact:phone`, each possibly several values separated by ';'."""
    found: list[str] = []
    for name in (key, f"contact:{key}"):
        for value in tags.get(name, "").split(";"):
            value = value.strip()
            if value and value not in found:
                found.append(value)
    return found


def _website(tags: dict[str, str]) -> str:
    value = (tags.get("website") or tags.get("contact:website") or "").split(";")[0].strip()
    if value and "://" not in value and " " not in value and "." in value:
        value = "https://" + value
    return web_url(value) if len(value) <= 500 else ""


def address(tags: dict[str, str]) -> str:
    """'Starokonyushenny pereulok 23, 119002 Moscow' from addr:* (or addr:full as given)."""
    if tags.get("addr:full"):
        return tags["addr:full"]
    street = tags.get("addr:street") or tags.get("addr:place", "")
    number = tags.get("addr:housenumber", "")
    line = " ".join(p for p in (street, number) if p) or tags.get("addr:housename", "")
    if not line:
        return ""
    place = " ".join(p for p in (tags.get("addr:postcode", ""), tags.get("addr:city", "")) if p)
    return ", ".join(p for p in (line, place) if p)
