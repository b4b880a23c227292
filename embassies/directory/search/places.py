"""Cities in a query, through the GeoNames gazetteer: any language, old names, case forms.

When a name fits several cities, the one people mean is a capital, then a city that hosts
missions, then the most populous; a city in the sending state is never the place asked for.
A region people name like a place ("Bali", an ISO 3166-2 subdivision) is one of the namesakes,
found at its main city. A city that bears the name only as a machine romanisation of a name in
another script (GeoNames' "bali" for Bari, from 巴里) is not one where a place bears it as
written: "australian embassy bali" means Bali, not Bari.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pycountry
from django.db.models import Count
from rapidfuzz import fuzz, process

from embassies.countries import reference
from embassies.directory.models import Mission
from embassies.directory.search import index
from embassies.directory.search.vocabulary import CYRILLIC_ENDINGS
from embassies.lib import gazetteer
from embassies.lib.gazetteer import City
from embassies.lib.text import normalize

# Query words that also name some small town somewhere ("Mission", Texas; "Of", Turkey).
NOT_PLACES = frozenset(
    [
        "mission",
        "missions",
        "visa",
        "visas",
        "passport",
        "help",
        "office",
        "street",
        "road",
        "general",
        "service",
        "services",
        "embassy",
        "consulate",
        "of",
        "bar",
        "nice",
        "union",
        "victory",
        "centre",
        "center",
    ]
) - {"nice"}
COUNTS_TTL_SECONDS = 600.0
FUZZY_MIN_POPULATION = 300_000
FUZZY_CUTOFF = 88.0
# Russian locative/genitive endings and the nominative endings they replace: "москве" -> "москва".
_CASE_SWAPS = (("е", "а"), ("е", ""), ("и", "ь"), ("и", "я"), ("у", "а"), ("ы", "а"), ("а", ""))


def _variants(phrase: str) -> list[str]:
    if not phrase or phrase[-1] not in CYRILLIC_ENDINGS:
        return [phrase]
    swaps = [phrase[: -len(old)] + new for old, new in _CASE_SWAPS if phrase.endswith(old)]
    return [phrase, *swaps]


def _plausible(phrase: str, city: City) -> bool:
    """Short keys are airport codes and abbreviations: accept them only as a city's own name."""
    return len(phrase) > 3 or normalize(city.name) == phrase


def _written(phrase: str, city: City) -> bool:
    """The city bears the name as people write it: its own name, or an alternate name that is
    not all lower case (GeoNames' lower-case alternates romanise names in other scripts)."""
    names = (city.name, *(n for n in city.alt_names if not n.islower()))
    return any(normalize(n) == phrase for n in names)


def cities_named(phrase: str) -> list[City]:
    """Every city this normalised phrase names (a region's main city among them), those that
    bear the name as written first, most populous first; romanisations only when no place
    bears the name as written."""
    return list(_cities_named(phrase))


@lru_cache(maxsize=8192)
def _cities_named(phrase: str) -> tuple[City, ...]:
    """Kept per phrase: the gazetteer never changes in a process, and telling a name as
    written from a romanisation reads every alternate name of every namesake."""
    if phrase in NOT_PLACES or len(phrase) < 3:
        return ()
    for variant in _variants(phrase):
        found = [c for c in gazetteer.find_by_name(variant) if _plausible(phrase, c)]
        regions = [c for c in regions_named(variant) if c not in found]
        written = [c for c in found if _written(variant, c)] + regions
        if written or found:
            return tuple(written or found)
    return ()


@cache
def _subdivision_countries() -> dict[str, tuple[str, ...]]:
    """Each ISO 3166-2 subdivision's normalised name -> the countries that have one so named."""
    found: dict[str, set[str]] = defaultdict(set)
    for subdivision in pycountry.subdivisions:
        key = normalize(subdivision.name)
        if len(key) > 3:  # short names are codes and abbreviations, not what people type
            found[key].add(subdivision.country_code)
    return {key: tuple(sorted(codes)) for key, codes in found.items()}


@lru_cache(maxsize=2048)
def regions_named(phrase: str) -> tuple[City, ...]:
    """The main city of each region (island, province, state) this normalised phrase names:
    "bali" -> Denpasar; () for most phrases, which name no region (one dict lookup)."""
    if phrase in NOT_PLACES:
        return ()
    codes = _subdivision_countries().get(phrase, ())
    found = (gazetteer.city_for_label(phrase, code) for code in codes)
    return tuple(city for city in found if city is not None)


@cache
def _fuzzy_names() -> dict[int, str]:
    big = (c for c in gazetteer.cities().values() if c.population >= FUZZY_MIN_POPULATION)
    return {c.geonameid: normalize(c.name) for c in big}


def cities_like(phrase: str) -> list[City]:
    """A misspelt big city ("jakrta"): rapidfuzz against the names of cities over 300,000."""
    if len(phrase) < 5 or phrase in NOT_PLACES:
        return []
    found = process.extractOne(phrase, _fuzzy_names(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return [gazetteer.cities()[found[2]]] if found else []


@cache
def _capital_names() -> dict[str, frozenset[str]]:
    return {
        f.code: frozenset(normalize(n) for n in (f.capital, f.seat_of_government) if n)
        for f in reference.all_countries()
    }


@cache
def is_capital(city: City) -> bool:
    names = _capital_names().get(city.country, frozenset())
    return bool(names) and any(normalize(n) in names for n in (city.name, *city.alt_names[:80]))


@dataclass
class _Counts:
    at: float = float("-inf")
    by_city: dict[int, int] = field(default_factory=dict)


_COUNTS = _Counts()


def mission_counts() -> dict[int, int]:
    """Missions per gazetteer city, recounted every ten minutes (one grouped query)."""
    if time.monotonic() - _COUNTS.at > COUNTS_TTL_SECONDS:
        rows = Mission.objects.exclude(city_geonameid=None).order_by().values("city_geonameid")
        grouped = rows.annotate(n=Count("id")).values_list("city_geonameid", "n")
        _COUNTS.by_city = {int(city): int(n) for city, n in grouped if city is not None}
        _COUNTS.at = time.monotonic()
    return _COUNTS.by_city


def choose_city(candidates: list[City], host: str | None, sending: str | None) -> City | None:
    """The city meant among namesakes, given what else the query said."""
    if host:
        candidates = [c for c in candidates if c.country == host]
    elif sending:
        candidates = [c for c in candidates if c.country != sending]
    if not candidates:
        return None
    if sending and len(candidates) > 1:
        candidates = _where_sender_is(candidates, sending) or candidates
    counts = mission_counts()
    return max(candidates, key=lambda c: (is_capital(c), counts.get(c.geonameid, 0), c.population))


def _where_sender_is(candidates: list[City], sending: str) -> list[City]:
    """Namesakes where the sending state has a mission ("german consulate brest": France's)."""
    present = {c.geonameid for c in index.current().rows("sending", sending)}
    return [c for c in candidates if c.geonameid in present]
