"""Country names in a query: exact names in many languages, case forms, adjectives and typos.

Built once per process from the reference name index (`embassies.countries.reference`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from rapidfuzz import process
from rapidfuzz.distance import OSA

from embassies.countries import reference
from embassies.directory.search.vocabulary import (
    ADJECTIVE_ENDINGS,
    CYRILLIC_ENDINGS,
    KIND_WORDS,
    STOPWORDS,
)
from embassies.lib.text import normalize

# Short keys are mostly noise from other languages ("ao", "sec"); these few are what people type.
SHORT_KEYS = frozenset({"us", "uk", "uae", "usa", "drc", "prc", "ksa", "roc", "rok"})
# Search-only spellings the reference data has no reason to carry.
EXTRA_NAMES = {
    "сша": "US",
    "рф": "RU",
    "оаэ": "AE",
    "кнр": "CN",
    "фрг": "DE",
    "российский": "RU",
    "американский": "US",
    "британский": "GB",
}
EXTRA_ADJECTIVES = frozenset({"российский", "американский", "британский"})
# A language named in CLDR is also the adjective of the country that speaks it ("deutsch",
# "allemand", "немецкий"): the languages whose country is clear, and the locales read.
LANGUAGE_COUNTRY = {
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pt": "PT",
    "ru": "RU",
    "ja": "JP",
    "zh": "CN",
    "nl": "NL",
    "sv": "SE",
    "da": "DK",
    "fi": "FI",
    "nb": "NO",
    "pl": "PL",
    "cs": "CZ",
    "sk": "SK",
    "hu": "HU",
    "el": "GR",
    "tr": "TR",
    "uk": "UA",
    "ro": "RO",
    "bg": "BG",
    "hr": "HR",
    "sl": "SI",
    "et": "EE",
    "lv": "LV",
    "lt": "LT",
    "ko": "KR",
    "he": "IL",
    "fa": "IR",
    "th": "TH",
    "vi": "VN",
    "is": "IS",
    "en": "GB",
}
ADJECTIVE_LOCALES = ("de", "fr", "es", "it", "pt", "nl", "ru", "pl")
FUZZY_MIN_LENGTH = 5
LONG_WORD = 8  # from this length two typing errors are forgiven, below it one


@dataclass(frozen=True)
class CountryHit:
    code: str
    is_adjective: bool  # "canadian", "deutsche": the speaker's sender, not the place
    how: str  # "name", "stem" or "typo"


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, str]
    adjectives: frozenset[str]
    stems: dict[str, str]
    fuzzy_keys: tuple[str, ...]
    max_words: int


def _usable(key: str) -> bool:
    if key in STOPWORDS or key in KIND_WORDS:
        return False
    return len(key) > 3 or key in SHORT_KEYS or not key.isascii()


def _language_adjectives() -> dict[str, str]:
    found: dict[str, str] = {}
    for locale_code in ADJECTIVE_LOCALES:
        languages = Locale.parse(locale_code).languages
        for language, code in LANGUAGE_COUNTRY.items():
            if key := normalize(languages.get(language, "")):
                found.setdefault(key, code)
    return found


def _adjectives(extra: dict[str, str]) -> frozenset[str]:
    words = {normalize(a) for f in reference.all_countries() for a in f.adjectives}
    return frozenset(w for w in words | extra.keys() | EXTRA_ADJECTIVES if w)


def cyrillic_stem(word: str) -> str:
    """'россии' and 'россия' -> 'росси'; words in other scripts come back unchanged."""
    if not any("а" <= ch <= "я" for ch in word):
        return word
    stem = word
    while len(stem) > 3 and stem[-1] in CYRILLIC_ENDINGS and len(word) - len(stem) < 2:
        stem = stem[:-1]
    return stem


def _phrase_stem(phrase: str) -> str:
    return " ".join(cyrillic_stem(w) for w in phrase.split())


@cache
def lexicon() -> Lexicon:
    names = {k: v for k, v in reference.name_index().items() if _usable(k)}
    spoken = _language_adjectives()
    for key, code in (EXTRA_NAMES | spoken).items():
        names.setdefault(key, code)
    stems: dict[str, str] = {}
    for key, code in names.items():
        stems.setdefault(_phrase_stem(key), code)
    fuzzy = tuple(k for k in names if k.isascii() and len(k) >= FUZZY_MIN_LENGTH)
    longest = max(len(k.split()) for k in names)
    return Lexicon(names, _adjectives(spoken), stems, fuzzy, longest)


def lookup(phrase: str, fuzzy: bool = True) -> CountryHit | None:
    """The country a normalised phrase names, trying exact, case forms, adjectives, typos."""
    lex = lexicon()
    if code := lex.names.get(phrase):
        return CountryHit(code, phrase in lex.adjectives, "name")
    if code := lex.stems.get(_phrase_stem(phrase)):
        return CountryHit(code, False, "stem")
    if " " not in phrase and (hit := _inflected(phrase)):
        return hit
    return _typo(phrase) if fuzzy else None


def _inflected(word: str) -> CountryHit | None:
    """'deutsche', 'francaise', 'canadians': an adjective with a grammatical ending."""
    lex = lexicon()
    for base in _bases(word):
        if len(base) >= 4 and (code := lex.names.get(base)):
            return CountryHit(code, True, "name")
    return None


def _bases(word: str) -> list[str]:
    """'mexicana' -> 'mexican', 'mexicano'; 'deutsche' -> 'deutsch'."""
    bases = [word.removesuffix(e) for e in ADJECTIVE_ENDINGS if word.endswith(e)]
    return bases + ([word[:-1] + "o"] if word.endswith("a") else [])


def _typo(phrase: str) -> CountryHit | None:
    """One slip of the finger (two in a long word): a letter missing, extra, wrong or swapped."""
    if len(phrase) < FUZZY_MIN_LENGTH or not phrase.isascii():
        return None
    lex = lexicon()
    edits = 2 if len(phrase) >= LONG_WORD else 1
    found = process.extractOne(phrase, lex.fuzzy_keys, scorer=OSA.distance, score_cutoff=edits)
    if found is None:
        return None
    key = found[0]
    return CountryHit(lex.names[key], key in lex.adjectives, "typo")
