"""Mission titles, kinds, country and city names in the reader's language.

"Ambassade du Canada à Moscou", "Embajada de Canadá en Moscú", "سفارة كندا في موسكو".
English keeps the stored title ("Embassy of Canada in Moscow, Russia"): the API and the CLI
speak English, and so do the English pages.

Russian needs the sender in the genitive and the city in the prepositional case, which no
package here knows for every name: Russian titles use a construction that is grammatical for
any name, "Посольство: Канада, Москва".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location
from django.utils.translation import get_language, pgettext, pgettext_lazy
from django.utils.translation import override as language_override

from embassies.directory.kinds import Kind
from embassies.directory.models import mission_title
from embassies.lib import gazetteer

FRENCH_FORMS = Path(__file__).resolve().parents[1] / "countries" / "data" / "fr_prepositions.csv"

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


def language_now(language: str | None = None) -> str:
    return (language or get_language() or "en").split("-")[0]


def kind_label(kind: str, language: str | None = None) -> str:
    label = KIND_LABELS.get(kind)  # type: ignore[call-overload]
    if label is None:
        return kind
    with language_override(language_now(language)):
        return str(label)


def status_label(status: str, language: str | None = None) -> str:
    label = STATUS_LABELS.get(status)
    if label is None:
        return status
    with language_override(language_now(language)):
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


def _french(kind: str, sender: CountryLike, subdivision: str, city: str, host: CountryLike) -> str:
    forms = french_forms().get(sender.code)
    of = forms.of if forms else f"de {country_name(sender, 'fr')}"
    host_forms = french_forms().get(host.code)
    place = (
        _french_at(city)
        if city
        else (host_forms.in_ if host_forms else f"en {country_name(host, 'fr')}")
    )
    extra = f" ({subdivision})" if subdivision else ""
    return f"{kind} {of}{extra} {place}"


def _spanish(kind: str, sender: str, subdivision: str, city: str, host: str) -> str:
    extra = f" ({subdivision})" if subdivision else ""
    return f"{kind} de {sender}{extra} en {city or host}"


def _russian(kind: str, sender: str, subdivision: str, city: str, host: str) -> str:
    extra = f" ({subdivision})" if subdivision else ""
    place = city or f"страна пребывания — {host}"
    return f"{kind}: {sender}{extra}, {place}"


def _arabic_of(kind: str, sender: str) -> str:
    """'سفارة كندا' (construct state), 'القنصلية العامة لكندا' (a definite kind takes لـ)."""
    if not kind.startswith("ال"):
        return f"{kind} {sender}"
    if sender.startswith("ال"):
        return f"{kind} لل{sender[2:]}"
    return f"{kind} ل{sender}"


def _arabic(kind: str, sender: str, subdivision: str, city: str, host: str) -> str:
    extra = f" ({subdivision})" if subdivision else ""
    return f"{_arabic_of(kind, sender)}{extra} في {city or host}"


def title(mission: MissionLike, language: str | None = None) -> str:
    """The mission's title in the language (the active one by default)."""
    lang = language_now(language)
    if lang == "en":
        sender = mission.sending_subdivision or mission.sending.name
        return mission_title(mission.kind, sender, mission.city, mission.host.name)
    kind = kind_label(mission.kind, lang)
    city = city_name(mission.city, mission.host.code, lang)
    subdivision = mission.sending_subdivision
    if lang == "fr":
        return _french(kind, mission.sending, subdivision, city, mission.host)
    sender, host = country_name(mission.sending, lang), country_name(mission.host, lang)
    build = {"es": _spanish, "ru": _russian, "ar": _arabic}.get(lang)
    if build is None:
        return mission_title(mission.kind, subdivision or sender, mission.city, host)
    return build(kind, sender, subdivision, city, host)


def kind_in_city(mission: MissionLike, language: str | None = None) -> str:
    """'Embassy in Moscow' for breadcrumbs and lists, in the language."""
    lang = language_now(language)
    with language_override(lang):
        kind = kind_label(mission.kind, lang)
        city = city_name(mission.city, mission.host.code, lang)
        if mission.sending_subdivision:
            kind = pgettext("mission list", "%(kind)s of %(sender)s") % {
                "kind": kind,
                "sender": mission.sending_subdivision,
            }
        if not city:
            return kind
        if lang == "fr":
            return f"{kind} {_french_at(city)}"  # "au Caire", not "à Le Caire"
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
