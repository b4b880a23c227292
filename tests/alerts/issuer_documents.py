"""Documents built for tests in the formats of Global Affairs Canada's `index-updated.json`
and the Auswärtiges Amt's OpenData `travelwarning` list: their real field names and shapes,
with invented, minimal text."""

from __future__ import annotations

import json
from dataclasses import dataclass

CA_WORDS = {
    0: "Exercise normal security precautions",
    1: "Exercise a high degree of caution",
    2: "Avoid non-essential travel",
    3: "Avoid all travel",
}
FR_WORDS = {0: "Normales", 1: "Prudence", 2: "Non essentiels", 3: "Tout voyage"}


@dataclass(frozen=True)
class Destination:
    key: str  # "AF", or a part of a country: "PT-20"
    name: str
    state: int | str  # advisory-state; a string only to build a malformed document
    regional: int = 0
    published: int = 1790254415  # 2026-09-24T12:53:35Z
    slug: str = ""


def _destination(d: Destination) -> dict[str, object]:
    words = CA_WORDS.get(d.state, "") if isinstance(d.state, int) else ""
    text = f"{words} (with regional advisories)" if d.regional else words
    slug = d.slug or d.name.lower().replace(" ", "-")
    return {
        "country-id": 1000,
        "country-iso": d.key,
        "country-eng": d.name,
        "country-fra": d.name,
        "advisory-state": d.state,
        "date-published": {
            "timestamp": d.published,
            "date": "2026-09-24 08:53:35",
            "asp": "2026-09-24T08:53:35.8663187-04:00",
        },
        "has-advisory-warning": 1 if isinstance(d.state, int) and d.state >= 2 else 0,
        "has-regional-advisory": d.regional,
        "has-content": 1,
        "recent-updates-type": "Editorial change",
        "eng": {
            "name": d.name,
            "url-slug": slug,
            "friendly-date": "September 24, 2026 08:53 EDT",
            "advisory-text": text,
            "recent-updates": "An editorial change.",
        },
        "fra": {
            "name": d.name,
            "url-slug": slug,
            "friendly-date": "24 septembre 2026 08:53 HAE",
            "advisory-text": FR_WORDS.get(d.state, "") if isinstance(d.state, int) else "",
            "recent-updates": "Un changement.",
        },
    }


def canada_index(destinations: list[Destination]) -> bytes:
    data = {d.key: _destination(d) for d in destinations}
    metadata = {"generated": {"timestamp": 1790402417, "date": "2026-09-26 02:00:17"}}
    return json.dumps({"metadata": metadata, "data": data}, indent=1).encode()


@dataclass(frozen=True)
class Entry:
    content_id: str
    code: str
    name: str
    warning: bool = False
    partial: bool = False
    situation: bool = False
    situation_part: bool = False
    modified: int = 1781873504  # seconds: 2026-06-19T12:51:44Z


def _entry(e: Entry) -> dict[str, object]:
    return {
        "lastModified": e.modified,
        "effective": e.modified - 400,
        "title": f"{e.name.rstrip('*')}: Reise- und Sicherheitshinweise",
        "countryCode": e.code,
        "iso3CountryCode": "",
        "countryName": e.name,
        "warning": e.warning,
        "partialWarning": e.partial,
        "situationWarning": e.situation,
        "situationPartWarning": e.situation_part,
    }


def germany_list(entries: list[Entry]) -> bytes:
    """Compact, as served; contentList in another order than the keys, as it is."""
    response: dict[str, object] = {e.content_id: _entry(e) for e in entries}
    response["contentList"] = sorted(e.content_id for e in entries)[::-1]
    response["lastModified"] = 1790000000
    return json.dumps({"response": response}, separators=(",", ":")).encode()
