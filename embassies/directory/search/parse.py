"""Cut a query into pieces: kind words, country names, city names, role markers, other words.

Longest phrase first ("consulate general", "st petersburg", "united arab emirates"); exact
names before typos, which rapidfuzz catches word by word.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from embassies.directory.kinds import Kind
from embassies.directory.search import names, places
from embassies.directory.search.names import CountryHit
from embassies.directory.search.vocabulary import (
    HOST_MARKERS,
    KIND_WORDS,
    SENDING_MARKERS,
    STOPWORDS,
)
from embassies.lib.gazetteer import City
from embassies.lib.text import normalize

MAX_TOKENS = 24
MAX_PHRASE_WORDS = 6
KIND_FUZZY_CUTOFF = 85.0


@dataclass(frozen=True)
class Piece:
    """A run of query words and what it names."""

    role: str  # kind, country, city, host_marker, sending_marker, stop or word
    text: str
    kind: Kind | None = None
    country: CountryHit | None = None
    cities: tuple[City, ...] = ()


def _single(word: str) -> Piece | None:
    if word in HOST_MARKERS:
        return Piece("host_marker", word)
    if word in SENDING_MARKERS:
        return Piece("sending_marker", word)
    if word in STOPWORDS:
        return Piece("stop", word)
    return None


def _exact(phrase: str) -> Piece | None:
    if kind := KIND_WORDS.get(phrase):
        return Piece("kind", phrase, kind=kind)
    if hit := names.lookup(phrase, fuzzy=False):
        return Piece("country", phrase, country=hit)
    if cities := places.cities_named(phrase):
        return Piece("city", phrase, cities=tuple(cities))
    return None


def _kind_typo(word: str) -> Kind | None:
    if len(word) < 5:
        return None
    singles = [k for k in KIND_WORDS if " " not in k]
    found = process.extractOne(word, singles, scorer=fuzz.ratio, score_cutoff=KIND_FUZZY_CUTOFF)
    return KIND_WORDS[found[0]] if found else None


def _fuzzy(word: str) -> Piece:
    if kind := _kind_typo(word):
        return Piece("kind", word, kind=kind)
    if hit := names.lookup(word):
        return Piece("country", word, country=hit)
    if cities := places.cities_like(word):
        return Piece("city", word, cities=tuple(cities))
    return Piece("word", word)


def _longest(tokens: list[str], start: int) -> tuple[Piece, int]:
    """The longest known phrase at `start` (kind, then country, then city), else one word."""
    widest = min(MAX_PHRASE_WORDS, len(tokens) - start)
    for width in range(widest, 0, -1):
        phrase = " ".join(tokens[start : start + width])
        if width == 1 and (piece := _single(phrase)):
            return piece, 1
        if piece := _exact(phrase):
            return piece, width
    return _fuzzy(tokens[start]), 1


def pieces(text: str) -> list[Piece]:
    tokens = normalize(text).split()[:MAX_TOKENS]
    found: list[Piece] = []
    start = 0
    while start < len(tokens):
        piece, width = _longest(tokens, start)
        found.append(piece)
        start += width
    return found
