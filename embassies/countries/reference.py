"""Reference facts for every country and territory, from pycountry, CLDR and our data files.

This module is the only reader of `data/`; everything else asks it. Sources:
pycountry for codes and official names, babel (CLDR) for names in many
languages, `data/*.csv` for what no package has (see `data/README.md`).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale

from embassies.lib import collation
from embassies.lib.text import normalize

DATA_DIR = Path(__file__).with_name("data")

# CLDR locales whose country names we keep and index for search: the UN and
# main European languages, plus the big languages of our readers.
LANGUAGES = (
    "en",
    "fr",
    "es",
    "ru",
    "ar",
    "zh",
    "zh_Hant",
    "de",
    "it",
    "pt",
    "nl",
    "ja",
    "ko",
    "pl",
    "sv",
    "da",
    "nb",
    "fi",
    "cs",
    "sk",
    "sl",
    "hr",
    "sr",
    "sr_Latn",
    "bg",
    "uk",
    "el",
    "tr",
    "ro",
    "hu",
    "lt",
    "lv",
    "et",
    "ca",
    "he",
    "fa",
    "hi",
    "id",
    "th",
)
# Foreign names this short, once accents are gone, are common words in English
# queries (Norwegian "Man", Turkish "Fas", Portuguese "Irã"): not indexed.
_MIN_FOREIGN_LATIN_KEY = 4

# pycountry has no Kosovo; XKX is the alpha-3 the EU and IMF use for it.
_EXTRA_ALPHA3 = {"XK": "XKX"}
_QID = re.compile(r"(Q[1-9][0-9]*)$")


@dataclass(frozen=True)
class CountryFacts:
    code: str
    alpha3: str
    name: str
    official_name: str
    names: dict[str, str]
    demonym: str
    adjectives: tuple[str, ...]
    alt_names: tuple[str, ...]
    capital: str
    seat_of_government: str
    wikidata: str
    qids: tuple[str, ...]
    is_state: bool
    is_eu: bool


def _read(filename: str) -> list[dict[str, str]]:
    with (DATA_DIR / filename).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


@cache
def _locales() -> dict[str, Locale]:
    return {language: Locale.parse(language) for language in LANGUAGES}


def _cldr_names(code: str) -> dict[str, str]:
    names = {lang: loc.territories.get(code, "") for lang, loc in _locales().items()}
    return {lang: name for lang, name in names.items() if name}


def _facts(row: dict[str, str]) -> CountryFacts:
    code = row["code"]
    iso = pycountry.countries.get(alpha_2=code)
    names = _cldr_names(code)
    adjectives = _split(row["adjectives"])
    official = row["official_name"] or getattr(iso, "official_name", "") or names["en"]
    return CountryFacts(
        code=code,
        alpha3=iso.alpha_3 if iso else _EXTRA_ALPHA3[code],
        name=names["en"],
        official_name=official,
        names=names,
        demonym=adjectives[0] if adjectives else "",
        adjectives=adjectives,
        alt_names=_split(row["alt_names"]),
        capital=row["capital"],
        seat_of_government=row["seat_of_government"] or row["capital"],
        wikidata=row["wikidata"],
        qids=(row["wikidata"], *_split(row["extra_qids"])),
        is_state=row["is_state"] == "1",
        is_eu=row["is_eu"] == "1",
    )


@cache
def all_countries() -> list[CountryFacts]:
    """Every ISO 3166-1 country or territory plus Kosovo, in CLDR's English alphabetical order
    ("Åland Islands" among the As, "Côte d'Ivoire" among the Cs)."""
    facts = [_facts(row) for row in _read("countries.csv")]
    return collation.sorted_by(facts, lambda f: f.name, "en")


@cache
def _by_code() -> dict[str, CountryFacts]:
    table = {f.code: f for f in all_countries()}
    table.update({f.alpha3: f for f in all_countries()})
    return table


def get(code: str) -> CountryFacts | None:
    """The country with this alpha-2 (or alpha-3) code, any case."""
    return _by_code().get(code.strip().upper())


def _qid(text: str) -> str | None:
    match = _QID.search(text.strip().upper())
    return match.group(1) if match else None


@cache
def _by_qid() -> dict[str, str]:
    return {qid: f.code for f in all_countries() for qid in f.qids}


def code_for_qid(qid: str) -> str | None:
    """ "Q159" or its entity URL -> "RU"; None for anything that is not a country here."""
    key = _qid(qid)
    return _by_qid().get(key) if key else None


@cache
def subnational() -> dict[str, tuple[str, str]]:
    """QID -> (country code, name) of every sub-national government that sends offices abroad."""
    return {row["qid"]: (row["country"], row["name"]) for row in _read("subnational.csv")}


def subnational_for_qid(qid: str) -> tuple[str, str] | None:
    """A sub-national government that sends its own offices abroad -> (country, name)."""
    key = _qid(qid)
    return subnational().get(key) if key else None


def _iso_names(code: str) -> list[str]:
    iso = pycountry.countries.get(alpha_2=code)
    fields = ("name", "official_name", "common_name")
    return [getattr(iso, field) for field in fields if iso and hasattr(iso, field)]


def _english_keys(facts: CountryFacts) -> set[str]:
    """Names, official names, aliases and demonyms in English, normalised."""
    own = [facts.name, facts.official_name, *_iso_names(facts.code), *facts.alt_names]
    return {normalize(spelling) for spelling in [*own, *facts.adjectives]} - {""}


def _foreign_keys(facts: CountryFacts) -> set[str]:
    keys = {normalize(name) for name in facts.names.values()}
    short = {key for key in keys if key.isascii() and len(key) < _MIN_FOREIGN_LATIN_KEY}
    return keys - short - {""}


@cache
def _candidates() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = defaultdict(set)
    for facts in all_countries():
        for key in _english_keys(facts) | _foreign_keys(facts):
            keys[key].add(facts.code)
    return keys


@cache
def _choices() -> dict[str, str]:
    """Keys whose country we decided by hand; "" marks a key that must stay unresolved."""
    return {normalize(row["name"]): row["code"] for row in _read("name_choices.csv")}


def ambiguous_names() -> dict[str, set[str]]:
    """Keys shared by several countries with no decision in name_choices.csv."""
    choices = _choices()
    shared = {key: codes for key, codes in _candidates().items() if len(codes) > 1}
    return {key: codes for key, codes in shared.items() if key not in choices}


@cache
def name_index() -> dict[str, str]:
    """Normalised name, alias or demonym -> code; shared keys only where decided."""
    index = {key: next(iter(codes)) for key, codes in _candidates().items() if len(codes) == 1}
    index.update(_choices())
    return {key: code for key, code in index.items() if code}


def resolve_name(text: str) -> str | None:
    """The code a name, alias, abbreviation or demonym stands for; None when unknown."""
    return name_index().get(normalize(text))
