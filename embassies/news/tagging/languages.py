"""Country names in French, Spanish, Russian and Arabic news, in the forms those languages write.

The automaton looks for exact forms, so every form a name takes in running text is listed here
under the name's own key (so that all forms are one term): Russian case endings ("России",
"Россией"), Arabic proclitics and the article ("والعراق", "بالعراق", "للعراق"), French and
Spanish gender and number of demonyms ("française", "rusos").

Sources: CLDR via babel for country names and, through its time-zone cities, capitals
(the way `embassies.directory.titles` names cities); pycountry's ISO 3166 translations for
official names; `data/languages.csv` for what no package has (demonyms, metonyms, short forms,
the capitals CLDR has no time zone for), each row with its source.
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain, product
from pathlib import Path

import pycountry
from babel import Locale

from embassies.countries import reference
from embassies.lib.gazetteer import City, cities
from embassies.news.tagging import lexicon
from embassies.news.tagging.fold import key

LANGUAGES = ("fr", "es", "ru", "ar")
PATH = Path(__file__).with_name("data") / "languages.csv"
# Taiwan's ISO names in these translations call it a province of China: CLDR's names stand.
_ISO_SKIPPED = frozenset({"TW"})
SKIP = "skip"  # a row of names that packages give and news uses for something else


@dataclass(frozen=True)
class Row:
    lang: str
    code: str
    kind: lexicon.Kind
    names: tuple[str, ...]  # a leading "=" marks a form taken as written (no endings added)


@cache
def _raw() -> tuple[dict[str, str], ...]:
    with PATH.open(newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


@cache
def rows() -> tuple[Row, ...]:
    return tuple(
        Row(r["lang"], r["code"], lexicon.Kind(r["kind"]), tuple(r["names"].split("|")))
        for r in _raw()
        if r["kind"] != SKIP
    )


@cache
def skipped() -> frozenset[tuple[str, str]]:
    """(language, name) pairs not taken from CLDR or ISO."""
    return frozenset(
        (r["lang"], n) for r in _raw() if r["kind"] == SKIP for n in r["names"].split("|")
    )


# --- Arabic -------------------------------------------------------------------------------

# Short vowels, shadda, sukun, dagger alef, Quranic marks and tatweel: CLDR writes "عُمان",
# pycountry "المتّحدة"; news mostly writes neither.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Clitics written joined to the next word: and, so, with/in, to/for, and the pairs news uses
# ("وبالعراق", "وللعراق"). "Like" (ك) and the rarer pairs (فب, فل) hardly ever stand before a
# country's name, and each would add a ninth of the Arabic forms to the automaton.
PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول")
_ARTICLE = "ال"


def arabic_clean(text: str) -> str:
    """Without diacritics and tatweel: the letters news writes."""
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text)).strip()


def arabic_key(text: str) -> str:
    """The identity of an Arabic name: letters only, hamza seats on alef folded, a final taa
    marbuta read as haa and alef maqsura as yaa, as casual print writes them."""
    # أ إ آ ٱ -> ا; "سورية" = "سوريه"; "مصرى" (Egyptian print) = "مصري".
    letters = key(arabic_clean(text))
    words = [w.translate(_ARABIC_FOLD) for w in letters.split()]
    return " ".join(w[:-1] + _FINALS.get(w[-1], w[-1]) for w in words if w)


_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_FINALS = {"ة": "ه", "ى": "ي"}


def _spellings(word: str) -> set[str]:
    """A word as careful and as casual print end it: "سورية"/"سوريه", "مصري"/"مصرى"."""
    found = {word}
    if word.endswith("ة"):
        found.add(word[:-1] + "ه")
    if word.endswith("ي"):
        found.add(word[:-1] + "ى")
    return found


def _with_clitic(clitic: str, word: str) -> str:
    # ل before the article swallows its alef: ل + العراق = للعراق.
    if clitic.endswith("ل") and word.startswith(_ARTICLE):
        return clitic + word[1:]
    return clitic + word


def arabic_forms(phrase: str) -> set[str]:
    """Every way the phrase is written after a joined clitic; hamza-less alef comes from
    fold.forms. Casual endings ("مصرى") are kept to the bare and the و forms: the others
    would double the gazetteer for the rare text that has both."""
    first, _, rest = arabic_clean(phrase).partition(" ")
    tail = f" {rest}" if rest else ""
    found = {_with_clitic(clitic, first) + tail for clitic in PROCLITICS}
    found |= {clitic + word + tail for clitic in ("", "و") for word in _spellings(first)}
    return found


# Masculine, feminine, masculine plural (nominative, oblique); feminine plurals and duals are
# rare enough in news to be left out.
_NISBA_ENDINGS = ("", "ة", "ون", "ين")


def nisba_forms(demonym: str) -> set[str]:
    """ "روسي" -> روسي, روسية, روسيون, روسيين, with and without the article; a demonym
    written with the article ("التركي") is matched only with it."""
    definite_only = demonym.startswith(_ARTICLE)
    stem = demonym.removeprefix(_ARTICLE)
    bare = {stem + ending for ending in _NISBA_ENDINGS}
    definite = {_ARTICLE + word for word in bare}
    return definite if definite_only else bare | definite


# --- Russian ------------------------------------------------------------------------------

_CASES = 5  # genitive, dative, accusative, instrumental, prepositional (nominative as written)
# Endings by the word's ending, one tuple of alternatives per case. Both alternatives are kept
# where spelling rules pick one ("Польшей"/"Украиной"): a form that is no word costs nothing.
Endings = tuple[tuple[str, ...], ...]
_ADJECTIVE: dict[str, Endings] = {
    "ий": (("ого",), ("ому",), ("ий",), ("им", "ым"), ("ом",)),
    "ый": (("ого",), ("ому",), ("ый",), ("ым",), ("ом",)),
    "ой": (("ого",), ("ому",), ("ой",), ("ым", "им"), ("ом",)),
    "ая": (("ой",), ("ой",), ("ую",), ("ой",), ("ой",)),
    "яя": (("ей",), ("ей",), ("юю",), ("ей",), ("ей",)),
    "ое": (("ого",), ("ому",), ("ое",), ("ым", "им"), ("ом",)),
    "ее": (("его",), ("ему",), ("ее",), ("им",), ("ем",)),
    "ые": (("ых",), ("ым",), ("ые",), ("ыми",), ("ых",)),
    "ие": (("их",), ("им",), ("ие",), ("ими",), ("их",)),
}
_NOUN: dict[str, Endings] = {
    "ия": (("ии",), ("ии",), ("ию",), ("ией",), ("ии",)),
    "ея": (("еи",), ("ее",), ("ею",), ("еей",), ("ее",)),
    "я": (("и",), ("е",), ("ю",), ("ей",), ("е",)),
    "а": (("ы", "и"), ("е",), ("у",), ("ой", "ей"), ("е",)),
    "ь": (("я", "и"), ("ю", "и"), ("ь",), ("ем", "ём", "ью"), ("е", "и")),
    "й": (("я",), ("ю",), ("й",), ("ем",), ("е",)),
    "ы": (("ов", ""), ("ам",), ("ы",), ("ами",), ("ах",)),
    "и": (("ов", "ей", ""), ("ам",), ("и",), ("ами",), ("ах",)),
}
_CONSONANT: Endings = (("а",), ("у",), ("",), ("ом", "ем"), ("е",))
_INDECLINABLE = tuple("оеиуюэё")


def _adjective(word: str) -> bool:
    return len(word) > 3 and word[-2:] in _ADJECTIVE


def _word_cases(word: str) -> list[tuple[str, ...]]:
    """The word in each oblique case; the last part of a hyphenated name carries the ending;
    abbreviations and names ending in a vowel do not change."""
    # "Кот-д’Ивуар" -> "Кот-д’Ивуара"; "США", "Чили" stay.
    if word.isupper() or not word[-1].isalpha():
        return [(word,)] * _CASES
    if _adjective(word):
        stem, table = word[:-2], _ADJECTIVE[word[-2:]]
    elif word.endswith(("ия", "ея")):
        stem, table = word[:-2], _NOUN[word[-2:]]
    elif word[-1] in _NOUN and not (word[-1] in "ыи" and len(word) < 5):
        stem, table = word[:-1], _NOUN[word[-1]]
    elif word[-1].lower() in _INDECLINABLE:
        return [(word,)] * _CASES
    else:
        stem, table = word, _CONSONANT
    return [tuple(stem + e for e in endings) for endings in table]


def russian_forms(phrase: str) -> set[str]:
    """The phrase in all six cases: adjectives and the first noun agree ("Южной Кореи"); words
    after that noun are a genitive or a name that stays ("Республики Корея")."""
    words = phrase.split()
    head = next((i for i, w in enumerate(words) if not _adjective(w)), len(words) - 1)
    declined = [_word_cases(w) for w in words[: head + 1]]
    tail = words[head + 1 :]
    found = {phrase}
    for case in range(_CASES):
        for combo in product(*(forms[case] for forms in declined)):
            found.add(" ".join([*combo, *tail]))
    return found


def russian_adjective_forms(adjective: str) -> set[str]:
    """Every gender, number and case of a demonym: "российский" -> российская, российских..."""
    stem = adjective[:-2]
    endings = {e for table in _ADJECTIVE.values() for alts in table for e in alts}
    return {stem + e for e in endings | set(_ADJECTIVE)}


# --- French and Spanish -------------------------------------------------------------------

_FRENCH_FEMININE = {"c": "que"}  # turc -> turque (grec, grecque: below)
_FRENCH_IRREGULAR = {"grec": ("grecque", "grecs", "grecques")}


def french_forms(adjective: str) -> set[str]:
    """ "français" -> française, françaises; "ukrainien" -> ukrainienne(s); "russe" -> russes."""
    if adjective in _FRENCH_IRREGULAR:
        return {adjective, *_FRENCH_IRREGULAR[adjective]}
    if adjective.endswith("e"):
        feminine = adjective
    elif adjective.endswith(("en", "on")):
        feminine = adjective + "ne"
    elif adjective[-1] in _FRENCH_FEMININE:
        feminine = adjective[:-1] + _FRENCH_FEMININE[adjective[-1]]
    else:
        feminine = adjective + "e"
    plural = adjective if adjective.endswith(("s", "x")) else adjective + "s"
    return {adjective, feminine, plural, feminine + "s"}


_UNSTRESS = str.maketrans("áéíóú", "aeiou")


def spanish_forms(adjective: str) -> set[str]:
    """ "ruso" -> rusa, rusos, rusas; "francés" -> francesa, franceses; "iraní" -> iraníes;
    "estadounidense" -> estadounidenses; "alemán" -> alemana, alemanes."""
    last = adjective[-1]
    if last == "o":
        stem = adjective[:-1]
        return {adjective, stem + "a", stem + "os", stem + "as"}
    if last in "ea":
        return {adjective, adjective + "s"}
    if last in "íú":
        return {adjective, adjective + "es", adjective + "s"}
    # A final stressed syllable loses its accent once an ending follows: francés, francesa.
    stem = adjective[:-2] + adjective[-2:].translate(_UNSTRESS)
    if adjective.endswith(("és", "án", "ón", "ol", "ín")):
        return {adjective, stem + "a", stem + "es", stem + "as"}
    return {adjective, stem + "es"}


# --- Gathering ----------------------------------------------------------------------------


def _declined(lang: str, kind: lexicon.Kind, name: str) -> dict[str, set[str]]:
    """The forms of one name in running text, clitics included, under their identity: one
    Arabic nisba form is a term of its own ("الروسية"), so that no term has hundreds of forms."""
    exact = name.startswith("=")
    name = name.removeprefix("=")
    if lang == "ar":
        bases = {name} if exact or kind is not lexicon.Kind.DEMONYM else nisba_forms(name)
        return {arabic_key(base): arabic_forms(base) for base in bases}
    if exact:
        forms = {name}
    elif lang == "ru":
        demonym = kind is lexicon.Kind.DEMONYM
        forms = russian_adjective_forms(name) if demonym else russian_forms(name)
    elif kind is lexicon.Kind.DEMONYM:
        forms = french_forms(name) if lang == "fr" else spanish_forms(name)
    else:
        forms = {name}
    return {key(name): forms}


def _usable(surface: str) -> bool:
    """Short Latin names are common words elsewhere ("Irán" aside); abbreviations ("RDC")
    are written in capitals, which the matcher checks."""
    return not surface.isascii() or len(key(surface)) >= lexicon.MIN_KEY or surface.isupper()


@cache
def _country_keys() -> frozenset[str]:
    """Keys of every country name (any CLDR language) and English demonym."""
    found = set()
    for facts in reference.all_countries():
        found |= {key(n) for n in [*facts.names.values(), *facts.alt_names, *facts.adjectives]}
    return frozenset(found)


def _lower_case_clash(lang: str, kind: lexicon.Kind, surface: str) -> bool:
    """A French or Spanish demonym spelt like a name ("china", "india") would make the name
    match in lower case too ("fine china"): the name's own entry covers it."""
    return lang in ("fr", "es") and kind is lexicon.Kind.DEMONYM and key(surface) in _country_keys()


def _case(lang: str, surface: str) -> lexicon.Case:
    # Arabic has no capitals; a Russian name keeps its first letter's case through its endings.
    return lexicon.Case.ANY if lang == "ar" else lexicon.case_of(surface)


def named(
    lang: str, code: str, kind: lexicon.Kind, names: Iterable[str], population: int = 0
) -> Iterator[lexicon.Entry]:
    """Entries for each spelling of `names`: one key per name, one surface per form."""
    for name in names:
        for variant in lexicon.variants(name):
            variant = arabic_clean(variant) if lang == "ar" else variant
            case = _case(lang, variant.removeprefix("="))
            for ident, surfaces in _declined(lang, kind, variant).items():
                for surface in surfaces if ident else ():
                    if lang in ("fr", "es"):
                        if not _usable(surface) or _lower_case_clash(lang, kind, surface):
                            continue
                        case = lexicon.case_of(surface)
                    yield lexicon.Entry(ident, code, kind, case, population, surface)


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [lang], fallback=True)


def _iso_names(lang: str, code: str) -> list[str]:
    """pycountry's ISO 3166 names in `lang` ("Fédération de Russie", "Российская Федерация")."""
    iso = pycountry.countries.get(alpha_2=code)
    if iso is None or code in _ISO_SKIPPED:
        return []
    english = [getattr(iso, f) for f in ("name", "official_name") if hasattr(iso, f)]
    translated = [_translations(lang).gettext(e) for e in english]
    return [t for t, e in zip(translated, english, strict=True) if t != e]


_QUALIFIER = re.compile(r"\s*\(([^)]*)\)\s*$")


def _unqualified(name: str, code: str) -> str:
    """The name without a bracket that qualifies it (another country's name, an abbreviation);
    a bracket with a second name of the same country stays ("Myanmar (Birmanie)")."""
    # "Виргинские о-ва (США)" is not a name of the United States; "Гонконг (САР)" neither.
    match = _QUALIFIER.search(name)
    if match is None:
        return name
    inner = match.group(1)
    other = reference.name_index().get(key(inner), code) != code
    return name[: match.start()] if other or inner.isupper() or "," in inner else name


def _package_names(lang: str, code: str, names: Iterable[str]) -> list[str]:
    found = [_unqualified(n, code) for n in names if n]
    return [n for n in found if (lang, n) not in skipped()]


def country_names() -> Iterator[lexicon.Entry]:
    for facts in reference.all_countries():
        for lang in LANGUAGES:
            cldr = [facts.names.get(lang, "")]
            names = _package_names(lang, facts.code, [*cldr, *_iso_names(lang, facts.code)])
            yield from named(lang, facts.code, lexicon.Kind.NAME, names)


@cache
def _city_by_name() -> dict[tuple[str, str], str]:
    """(country, GeoNames name) -> time zone of the largest such city."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for city in cities().values():
        at = (city.country, city.name)
        if at not in best or best[at][0] < city.population:
            best[at] = (city.population, city.timezone)
    return {at: zone for at, (_, zone) in best.items()}


def _zone_names(code: str, capital: str) -> dict[str, str]:
    """CLDR's names of the capital where a time zone is named after it (as titles.city_name
    does, but read from the locale data: babel's get_timezone_location costs a millisecond)."""
    zone = _city_by_name().get((code, capital))
    if not zone or zone.rsplit("/", 1)[-1].replace("_", " ") != capital:
        return {}
    found = {lang: _zone_cities(lang).get(zone, "") for lang in LANGUAGES}
    return {lang: name for lang, name in found.items() if name}


@cache
def _zone_cities(lang: str) -> dict[str, str]:
    zones = Locale.parse(lang).time_zones
    return {str(zone): str(zones[zone].get("city", "")) for zone in zones}


def capital_names() -> Iterator[lexicon.Entry]:
    for facts in reference.all_countries():
        seats = {facts.capital, facts.seat_of_government} - {""}
        for seat in {s.split(",")[0] for s in seats}:
            for lang, name in _zone_names(facts.code, seat).items():
                # The English name is in the gazetteer already.
                if name != seat and (lang, name) not in skipped():
                    yield from named(lang, facts.code, lexicon.Kind.CAPITAL, [name])


@cache
def _zone_city() -> dict[str, City]:
    """Time zone -> the largest GeoNames city it is named after (Europe/Samara: Samara)."""
    found: dict[str, City] = {}
    for city in cities().values():
        zone = city.timezone
        named_after = city.name == zone.rsplit("/", 1)[-1].replace("_", " ")
        if named_after and (zone not in found or found[zone].population < city.population):
            found[zone] = city
    return found


def city_names() -> Iterator[lexicon.Entry]:
    """Big cities in the languages CLDR names them in (its time-zone cities): the English
    gazetteer has GeoNames' cities of CITY_MIN_POPULATION under their English names."""
    seats = {
        (f.code, s.split(",")[0])
        for f in reference.all_countries()
        for s in (f.capital, f.seat_of_government)
    }
    for zone, city in _zone_city().items():
        if city.population < lexicon.CITY_MIN_POPULATION or (city.country, city.name) in seats:
            continue
        for lang in LANGUAGES:
            name = _zone_cities(lang).get(zone, "")
            if name and name != city.name and (lang, name) not in skipped():
                kind = lexicon.Kind.CITY
                yield from named(lang, city.country, kind, [name], city.population)


def curated_names() -> Iterator[lexicon.Entry]:
    for row in rows():
        yield from named(row.lang, row.code, row.kind, row.names)


def language_entries() -> Iterator[lexicon.Entry]:
    """Every French, Spanish, Russian and Arabic entry for the gazetteer, each once (a name
    CLDR and ISO both give would cost the build its forms twice)."""
    every = chain(country_names(), capital_names(), city_names(), curated_names())
    yield from dict.fromkeys(every)
