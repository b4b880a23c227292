"""Territories a recognised state does not control (Abkhazia, Northern Cyprus, Crimea, ...).

Read from `data/territories.csv` (see `data/README.md`). A mission there is kept in the
directory, hosted by the recognised state with its `territory` set, and the finder never
offers it as help in that state.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from embassies.countries.reference import DATA_DIR
from embassies.lib.geo import in_polygon

Vertices = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Territory:
    name: str
    state: str  # ISO 3166-1 alpha-2 of the recognised state
    entity_qids: frozenset[str]
    city_qids: frozenset[str]
    city_names: frozenset[str]  # casefolded
    polygon: Vertices  # (lon, lat); empty where no coarse shape is safe
    source_url: str


def _polygon(text: str) -> Vertices:
    pairs = (point.split() for point in text.split(";") if point.strip())
    return tuple((float(lon), float(lat)) for lon, lat in pairs)


def _words(text: str) -> frozenset[str]:
    return frozenset(part.strip().casefold() for part in text.split("|") if part.strip())


@cache
def all_territories() -> tuple[Territory, ...]:
    with (DATA_DIR / "territories.csv").open(newline="", encoding="utf-8") as handle:
        return tuple(
            Territory(
                name=row["name"],
                state=row["state"],
                entity_qids=_words(row["entity_qids"]),
                city_qids=_words(row["city_qids"]),
                city_names=_words(row["city_names"]),
                polygon=_polygon(row["polygon"]),
                source_url=row["source_url"],
            )
            for row in csv.DictReader(handle)
        )


def for_entity(qid: str) -> Territory | None:
    """The territory a Wikidata item (the entity itself, or its de facto state) stands for."""
    key = qid.strip().casefold()
    return next((t for t in all_territories() if key in t.entity_qids), None)


def locate(
    state: str, city_qid: str = "", city: str = "", point: tuple[float, float] | None = None
) -> Territory | None:
    """The territory of `state` a place lies in, by its city item, its city's name or a point."""
    qid, name = city_qid.strip().casefold(), city.strip().casefold()
    for territory in (t for t in all_territories() if t.state == state):
        if (qid and qid in territory.city_qids) or (name and name in territory.city_names):
            return territory
        if point is not None and territory.polygon and in_polygon(*point, territory.polygon):
            return territory
    return None
