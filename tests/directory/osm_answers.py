"""Overpass JSON answers as the API gives them, and the missions they describe, for OSM tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from embassies.directory.models import Mission
from tests.factories import make_country, make_mission


def node(osm_id: int, lat: float, lon: float, **tags: str) -> dict[str, Any]:
    return {"type": "node", "id": osm_id, "lat": lat, "lon": lon, "tags": tags}


def way(osm_id: int, lat: float, lon: float, **tags: str) -> dict[str, Any]:
    """A building outline: `out center` gives its centre, not a position of its own."""
    return {"type": "way", "id": osm_id, "center": {"lat": lat, "lon": lon}, "tags": tags}


def answer(*elements: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": 0.6,
        "generator": "Overpass API 0.7.62.1 084b4234",
        "osm3s": {
            "timestamp_osm_base": "2026-11-28T10:00:00Z",
            "copyright": "The data included in this document is from www.openstreetmap.org. "
            "The data is made available under ODbL.",
        },
        "elements": list(elements),
    }


CANADA = way(
    1001,
    55.74795,
    37.59560,
    **{
        "office": "diplomatic",
        "diplomatic": "embassy",
        "country": "CA",
        "target": "RU",
        "name": "Посольство Канады",
        "name:en": "Embassy of Canada",
        "addr:street": "Starokonyushenny pereulok",
        "addr:housenumber": "23",
        "addr:postcode": "119002",
        "addr:city": "Moscow",
        "contact:phone": "+7 495 925-60-00;+7 495 925-60-25",
        "contact:email": "mosco@international.gc.ca",
        "contact:website": "https://www.international.gc.ca/country-pays/russia-russie/",
        "opening_hours": "Mo-Fr 08:30-13:00,14:00-17:00; PH off",
        "building": "yes",
    },
)
GERMANY = node(
    2002,
    55.74540,
    37.55160,
    **{
        "amenity": "embassy",
        "diplomatic": "embassy",
        "country": "DE",
        "name": "Botschaft der Bundesrepublik Deutschland",
        "phone": "+7 495 937-95-00",
        "website": "germania.diplo.de/ru-de",
        "opening_hours": "Mo-Fr 9-17 Uhr",
    },
)
FRANCE_NO_COUNTRY = node(
    3003,
    55.73380,
    37.61420,
    **{
        "office": "diplomatic",
        "diplomatic": "embassy",
        "name": "Ambassade de France",
        "email": "mailto:info@ambafrance-ru.org",
    },
)
NAMELESS_NO_COUNTRY = node(3004, 55.7600, 37.6000, office="diplomatic", diplomatic="consulate")
CANADA_IN_HELSINKI = node(
    4004,
    60.16120,
    24.94380,
    **{
        "office": "diplomatic",
        "diplomatic": "embassy",
        "country": "CA",
        "target": "RU",
        "phone": "+358 9 228 530",
    },
)
LAW_FIRM = node(5005, 55.7480, 37.5960, office="lawyer", name="Consular Law LLC")
RESIDENCE = node(
    5006,
    55.7401,
    37.5890,
    office="diplomatic",
    diplomatic="embassy",
    embassy="residence",
    country="CA",
)
CANADA_CONSULATE_PETERSBURG = way(
    6006,
    59.9386,
    30.3141,
    **{
        "office": "diplomatic",
        "diplomatic": "consulate",
        "consulate": "consulate_general",
        "country": "CA",
    },
)

MOSCOW_ANSWER = answer(
    CANADA,
    GERMANY,
    FRANCE_NO_COUNTRY,
    NAMELESS_NO_COUNTRY,
    CANADA_IN_HELSINKI,
    LAW_FIRM,
    RESIDENCE,
    CANADA_CONSULATE_PETERSBURG,
)


def moscow_missions() -> dict[str, Mission]:
    """The Wikidata side: the embassies of Canada, Germany and France in Moscow, and one of
    Canada in Helsinki (the element tagged for Russia there must not land on it)."""
    ru = make_country("RU", "Russia")
    canada = make_country("CA", "Canada")
    return {
        "CA": make_mission(
            sending=canada,
            host=ru,
            city="Moscow",
            wikidata="Q4374011",
            kind="embassy",
            lat=55.7478,
            lon=37.5953,
            website="https://www.canadainternational.gc.ca/russia-russie/",
            sources={"website": "wikidata", "lat": "wikidata", "lon": "wikidata"},
        ),
        "DE": make_mission(
            sending=make_country("DE", "Germany"),
            host=ru,
            city="Moscow",
            wikidata="Q1",
            kind="embassy",
            lat=55.7450,
            lon=37.5520,
            sources={"lat": "wikidata"},
        ),
        "FR": make_mission(
            sending=make_country("FR", "France"),
            host=ru,
            city="Moscow",
            wikidata="Q2",
            kind="embassy",
            lat=55.7335,
            lon=37.6140,
        ),
        "CA-FI": make_mission(
            sending=canada,
            host=make_country("FI", "Finland"),
            city="Helsinki",
            wikidata="Q3",
            kind="embassy",
            lat=60.1612,
            lon=24.9440,
        ),
    }


def write_answer(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
