"""Mission titles, kinds, country and city names in the reader's language.

"Ambassade du Canada à Moscou", "Embajada de Canadá en Moscú", "سفارة كندا في موسكو".
A title is one catalogue entry whose msgid is the English title, the stored Mission.title
("Embassy of Canada in Moscow, Russia", which the API and the CLI speak); each language fills
its placeholders in the forms its translation was written for.

English writes the names as a sentence does ("Embassy of the United States", "Consulate
General of the Netherlands"; en_names.csv). A mission to the Holy See is titled as such, not as
an embassy in Italy (`to_holy_see`).

Russian needs the sender in the genitive and the city in the prepositional case, which no
package here knows for every name: Russian titles use a construction that is grammatical for
any name, "Посольство: Канада, Москва".
"""

from __future__ import annotations

import csv
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location
from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext, pgettext_lazy
from django.utils.translation import override as language_override

from embassies.directory.kinds import Kind
from embassies.lib import gazetteer

_DATA = Path(__file__).resolve().parents[1] / "countries" / "data"
FRENCH_FORMS = _DATA / "fr_prepositions.csv"
ENGLISH_NAMES = _DATA / "en_names.csv"
HOLY_SEE = "VA"

# The kind alone, as a caption or in "Embassy in Moscow"; also the head of every title.
KIND_LABELS = {
    Kind.EMBASSY: pgettext_lazy("mission kind", "Embassy"),
    Kind.HIGH_COMMISSION: pgettext_lazy("mission kind", "High commission"),
    Kind.CONSULATE_GENERAL: pgettext_lazy("mission kind", "Consulate general"),
    Kind.CONSULATE: pgettext_lazy("mission kind", "Consulate"),
    Kind.HONORARY_CONSULATE: pgettext_lazy("mission kind", "Honorary consulate"),
    Kind.CONSULAR_AGENCY: pgettext_lazy("mission kind", "Consular agency"),
    Kind.APOSTOLIC_NUNCIATURE: pgettext_lazy("mission kind", "Apostolic nunciature"),
    Kind.PERMANENT_MISSION: pgettext_lazy("mission kind", "Permanent mission"),
    Kind.INTERESTS_SECTION: pgettext_lazy("mission kind", "Interests section"),
    Kind.REPRESENTATIVE_OFFICE: pgettext_lazy("mission kind", "Representative office"),
    Kind.LIAISON_OFFICE: pgettext_lazy("mission kind", "Liaison office"),
    Kind.SUBNATIONAL_OFFICE: pgettext_lazy("mission kind", "Sub-national government office"),
    Kind.TRADE_OFFICE: pgettext_lazy("mission kind", "Trade office"),
    Kind.OTHER: pgettext_lazy("mission kind", "Diplomatic mission"),
}

STATUS_LABELS = {
    "open": pgettext_lazy("mission status", "Open"),
    "suspended": pgettext_lazy("mission status", "Operations suspended"),
    "closed": pgettext_lazy("mission status", "Closed"),
    "relocated": pgettext_lazy("mission status", "Relocated"),
}


# Sentences added after the catalogues were last translated: a language whose catalogue lacks
# one keeps the older wording (`_translated`) rather than show English inside its own title.
# Translators: "Embassy of Canada to the Holy See" (in Rome or Vatican City). French:
# %(sender)s brings its own "du"/"de la"; Arabic: its لـ after a definite kind.
HOLY_SEE_TITLE = pgettext_lazy("mission title", "%(kind)s of %(sender)s to the Holy See")
# Translators: "Embassy to the Holy See", in a list of one state's missions.
HOLY_SEE_LIST = pgettext_lazy("mission list", "%(kind)s to the Holy See")
# Translators: "Embassy, city not known": a list's or breadcrumb's label where a city would be.
NO_CITY_LIST = pgettext_lazy("mission list", "%(kind)s, city not known")


class CountryLike(Protocol):
    """A Country, or the plain CountryRef of a listing."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...


class MissionLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def sending_subdivision(self) -> str: ...
    @property
    def city(self) -> str: ...
    @property
    def sending(self) -> CountryLike: ...
    @property
    def host(self) -> CountryLike: ...


@dataclass(frozen=True)
class Named:
    """A country read as plain values (a report's row)."""

    code: str
    name: str


@dataclass(frozen=True)
class Office:
    """A mission read as plain values, enough for its title."""

    kind: str
    sending: Named
    host: Named
    city: str = ""
    sending_subdivision: str = ""
    accredited_codes: tuple[str, ...] = ()  # only where the title depends on them (to_holy_see)


def language_now(language: str | None = None) -> str:
    return (language or get_language() or "en").split("-")[0]


def speaking(language: str) -> AbstractContextManager[object]:
    """The language active for a block: switched only when another one is active, since the
    API and lists title missions by the hundred and each switch costs more than the title."""
    return nullcontext() if get_language() == language else language_override(language)


# Dates follow CLDR's patterns for the language; English pages write them the British way
# ("24 February 2022", "14:05, Friday 12 June"), as CLDR's en_GB does.
_CLDR_LOCALES = {"en": "en_GB"}


def cldr_locale(language: str | None = None) -> str:
    """The CLDR locale whose date patterns and month names the language's pages use."""
    lang = language_now(language)
    return _CLDR_LOCALES.get(lang, lang)


def kind_label(kind: str, language: str | None = None) -> str:
    label = KIND_LABELS.get(kind)  # type: ignore[call-overload]
    if label is None:
        return kind
    with speaking(language_now(language)):
        return str(label)


def status_label(status: str, language: str | None = None) -> str:
    label = STATUS_LABELS.get(status)
    if label is None:
        return status
    with speaking(language_now(language)):
        return str(label)


@cache
def _cldr_territories(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def country_name(country: CountryLike, language: str | None = None) -> str:
    """The CLDR name in the language (stored in Country.names; CLDR itself for a listing's
    plain reference); the stored English name where CLDR has none."""
    lang = language_now(language)
    if lang == "en":
        return country.name
    names = getattr(country, "names", None)
    if isinstance(names, dict) and names.get(lang):
        return str(names[lang])
    return _cldr_territories(lang).get(country.code) or country.name


def city_name(city: str, country_code: str, language: str | None = None) -> str:
    """The city in the language where CLDR names it (its time-zone cities: capitals and other
    large cities), found through the gazetteer; else the name as stored."""
    lang = language_now(language)
    if lang == "en" or not city:
        return city
    # The cache is keyed by the language itself: None would mean "whichever came first".
    return _city_name(city, country_code, lang)


@lru_cache(maxsize=8192)
def _city_name(city: str, country_code: str, lang: str) -> str:
    found = gazetteer.find_by_name(city, country_code)
    if not found or found[0].name.casefold() != city.casefold():
        return city
    zone = found[0].timezone
    english = get_timezone_location(zone, locale="en", return_city=True)
    if english.casefold() != city.casefold():
        return city  # the zone is named after another city
    return str(get_timezone_location(zone, locale=lang, return_city=True)) or city


@cache
def english_names() -> dict[str, str]:
    """Code -> the name as an English sentence writes it, article included (en_names.csv)."""
    with ENGLISH_NAMES.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


def english_name(country: CountryLike, article: bool = True) -> str:
    """'the United States', 'Bosnia and Herzegovina', 'Canada'; without its article after a
    city ("Washington, United States") or in a heading."""
    name = english_names().get(country.code, country.name)
    return name if article else name.removeprefix("the ")


def _accredited_codes(mission: Any) -> list[str]:
    """The codes of the other states a mission covers: a listing's plain values, or a saved
    Mission's accreditations (prefetched by the lists that show many; one query otherwise)."""
    codes = getattr(mission, "accredited_codes", None)
    if codes is not None:
        return list(codes)
    related = getattr(mission, "accreditations", None)
    if related is None or getattr(mission, "pk", None) is None:
        return []
    return [country.code for country in related.all()]


def to_holy_see(mission: MissionLike) -> bool:
    """A mission to the Holy See: hosted by it, or in Italy and accredited to it. The Holy See
    accepts no ambassador who is also accredited to Italy, so a mission in Italy accredited to
    it is its own embassy, beside the sending state's embassy to Italy."""
    host = mission.host.code
    if host == HOLY_SEE:
        return True
    return host == "IT" and HOLY_SEE in _accredited_codes(mission)


def _translated(entry: Promise, lang: str) -> str | None:
    """The entry in the active language, or None where that language's catalogue has no
    translation of it yet (the English text comes back): the caller keeps its older wording."""
    text = str(entry)
    if lang == "en":
        return text
    with language_override("en"):
        return None if str(entry) == text else text


def _english_heading(kind: str) -> str:
    """ "Consulate General", "High Commission": at the head of an English title the kind is the
    office's name, capitalised word by word, whatever the catalogue's caption casing."""
    return " ".join(word[:1].upper() + word[1:] for word in kind.split(" "))


@dataclass(frozen=True)
class FrenchForms:
    of: str  # "du Canada", "de la Russie", "des États-Unis", "d’Israël"
    in_: str  # "au Canada", "en Russie", "aux États-Unis", "à Cuba"


@cache
def french_forms() -> dict[str, FrenchForms]:
    with FRENCH_FORMS.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: FrenchForms(row["of"], row["in"]) for row in csv.DictReader(handle)}


def _french_at(city: str) -> str:
    """'à Moscou', 'au Caire', 'aux Abymes', 'à La Havane'."""
    if city.startswith("Le "):
        return f"au {city[3:]}"
    if city.startswith("Les "):
        return f"aux {city[4:]}"
    return f"à {city}"


def _french_of(country: CountryLike) -> str:
    """'du Canada', 'de la Russie', 'des États-Unis'."""
    forms = french_forms().get(country.code)
    return forms.of if forms else f"de {country_name(country, 'fr')}"


def _french_in(country: CountryLike) -> str:
    """'au Canada', 'en Russie', 'aux États-Unis', 'à Cuba'."""
    forms = french_forms().get(country.code)
    return forms.in_ if forms else f"en {country_name(country, 'fr')}"


def _arabic_of(kind: str, sender: str) -> str:
    """'كندا' after 'سفارة' (construct state); 'لكندا' after 'القنصلية العامة' (a definite kind
    takes لـ, which absorbs the name's own article: 'للولايات المتحدة')."""
    if not kind.startswith("ال"):
        return sender
    if sender.startswith("ال"):
        return f"لل{sender[2:]}"
    return f"ل{sender}"


def _title_names(mission: MissionLike, lang: str) -> dict[str, str]:
    """The title's placeholders in the forms the language's catalogue entry was written for:
    French brings its own "du"/"à"/"au" (its entry leaves "of" and "in" out), Arabic its لـ
    after a definite kind. English names a sub-national sender alone ("of Quebec"), as the
    stored Mission.title does; other languages add it to the country ("du Canada (Quebec)")."""
    kind = kind_label(mission.kind, lang)
    city = city_name(mission.city, mission.host.code, lang)
    sender, host = country_name(mission.sending, lang), country_name(mission.host, lang)
    subdivision = mission.sending_subdivision
    if lang == "en":
        host = english_name(mission.host, article=not city)  # "Moscow, Russia", "in the Bahamas"
        sender = subdivision or english_name(mission.sending)
        return {"kind": _english_heading(kind), "sender": sender, "city": city, "host": host}
    if lang == "fr":
        sender, host = _french_of(mission.sending), _french_in(mission.host)
        city = _french_at(city) if city else ""
    elif lang == "ar":
        sender = _arabic_of(kind, sender)
    extra = f" ({subdivision})" if subdivision else ""
    return {"kind": kind, "sender": f"{sender}{extra}", "city": city, "host": host}


def title(mission: MissionLike, language: str | None = None) -> str:
    """The mission's title in the language (the active one by default): one catalogue entry,
    English included ("Embassy of Canada in Moscow, Russia", as Mission.title)."""
    lang = language_now(language)
    with speaking(lang):
        names = _title_names(mission, lang)
        if to_holy_see(mission) and (text := _translated(HOLY_SEE_TITLE, lang)):
            return text % names
        if names["city"]:
            # Translators: "Embassy of Canada in Moscow, Russia". French: %(sender)s brings its
            # own "du"/"de la" and %(city)s its "à"/"au" ("Ambassade du Canada à Moscou");
            # Arabic: %(sender)s brings its لـ after a definite kind.
            text = pgettext("mission title", "%(kind)s of %(sender)s in %(city)s, %(host)s")
        else:
            # Translators: "Embassy of Canada in Russia" (no city known). French: %(sender)s
            # brings its own "du"/"de la" and %(host)s its "en"/"au" ("Ambassade du Canada
            # aux États-Unis"); Arabic: %(sender)s brings its لـ after a definite kind.
            text = pgettext("mission title", "%(kind)s of %(sender)s in %(host)s")
        return text % names


def english_title(mission: MissionLike) -> str:
    """The stored title, Mission.title, which the API and the CLI speak: `title` in English,
    kept per name and place (the API titles every result it sends, and a catalogue does not
    change while a process runs)."""
    sending, host = mission.sending, mission.host
    office = Office(
        mission.kind,
        Named(sending.code, sending.name),
        Named(host.code, host.name),
        mission.city,
        mission.sending_subdivision,
        (HOLY_SEE,) if to_holy_see(mission) else (),
    )
    return _english_title(office)


@lru_cache(maxsize=16384)
def _english_title(office: Office) -> str:
    return title(office, "en")


def kind_in_city(mission: MissionLike, language: str | None = None) -> str:
    """'Embassy in Moscow' for breadcrumbs and lists, in the language."""
    lang = language_now(language)
    with speaking(lang):
        kind = kind_label(mission.kind, lang)
        city = city_name(mission.city, mission.host.code, lang)
        if mission.sending_subdivision:
            kind = pgettext("mission list", "%(kind)s of %(sender)s") % {
                "kind": kind,
                "sender": mission.sending_subdivision,
            }
        if to_holy_see(mission) and (text := _translated(HOLY_SEE_LIST, lang)):
            return text % {"kind": kind}
        if not city:
            # "Embassy, city not known": a list or a breadcrumb says so where the city goes.
            text = _translated(NO_CITY_LIST, lang)
            return text % {"kind": kind} if text else kind
        if lang == "fr":
            city = _french_at(city)  # "au Caire", not "à Le Caire": the form brings its "à"
        # Translators: "Embassy in Moscow". French: %(city)s brings its own "à"/"au".
        return pgettext("mission list", "%(kind)s in %(city)s") % {"kind": kind, "city": city}


def country_in(country: CountryLike, language: str | None = None) -> str:
    """The name as it follows "in": French carries its own preposition ("en Russie", "au
    Canada", "aux États-Unis"), so its catalogue entries leave "in" out; others: the name."""
    lang = language_now(language)
    forms = french_forms().get(country.code) if lang == "fr" else None
    return forms.in_ if forms else country_name(country, lang)


def country_of(country: CountryLike, language: str | None = None) -> str:
    """The name as it follows "of": French "du Canada", "de la Russie"; others: the name."""
    lang = language_now(language)
    forms = french_forms().get(country.code) if lang == "fr" else None
    return forms.of if forms else country_name(country, lang)
