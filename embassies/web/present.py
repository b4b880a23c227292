"""Turn missions and countries into what templates show: links, phone numbers, letter groups."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote, unquote

from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from embassies.assistance import reasons, rules
from embassies.assistance.models import EmergencyLine
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.contact import display_phone, e164, social_links
from embassies.directory.formats import coordinates
from embassies.directory.history import describe_source
from embassies.directory.hours import LocalTime, is_open, local_time
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission
from embassies.directory.queries import CountryRef, Counts, Listed
from embassies.directory.search.kinds import DEFAULT_ORDER
from embassies.lib import collation


@dataclass(frozen=True)
class Phone:
    text: str  # the international format in every language ("+7 495 925-60-00")
    e164: str  # what a tel: link dials ("+74959256000")

    @property
    def dialable(self) -> bool:
        return self.e164.startswith("+")


def phone(number: str, region: str) -> Phone:
    """A number as written in a source, read as dialled from `region` when it has no "+"."""
    return Phone(display_phone(number, region), e164(number, region))


def phones(mission: Mission) -> list[Phone]:
    return [phone(p, mission.host_id) for p in mission.phones]


def phone_html(shown: Phone) -> SafeString:
    """The one way a phone is shown: a tel: link, kept left-to-right in Arabic text (dir) and
    on one line (the stylesheet's .phone); a number no one can dial stays text, isolated."""
    if shown.dialable:
        return format_html(
            '<a class="phone" dir="ltr" href="tel:{}">{}</a>', shown.e164, shown.text
        )
    return format_html('<bdi class="phone" dir="ltr">{}</bdi>', shown.text)


@dataclass(frozen=True)
class StateLine:
    """A sending state's 24/7 consular line, shown where its mission lists no phone: labelled
    as the state's, never as the mission's own number."""

    label: str  # "24/7 consular emergency line of Canada"
    name: str
    phone: Phone
    source_url: str


def line_phone(line: EmergencyLine) -> Phone:
    return phone(line.phone, line.country_id)


def state_lines(mission: Mission) -> list[StateLine]:
    """The sending state's lines when the mission has no phone of its own; else none."""
    if mission.phones:
        return []
    label = reasons.emergency_line_of(mission.sending)
    lines = rules.state_lines(mission.sending_id)
    return [StateLine(label, line.name, line_phone(line), line.source_url) for line in lines]


def osm_url(lat: float, lon: float, zoom: int = 17) -> str:
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}"
        f"#map={zoom}/{lat:.5f}/{lon:.5f}"
    )


def page_url(mission: Mission | Listed) -> str:
    """Mission.get_absolute_url without a reverse() per call: lists build hundreds of them."""
    head = _mission_url_head(get_language())
    return f"{head}{mission.pk}-{mission.slug}/"


@cache
def _mission_url_head(language: str | None) -> str:
    """'/missions/' or '/fr/missions/': the language is the cache key, reverse() reads it."""
    sample = reverse("web:mission", kwargs={"pk": 1, "slug": "s"})
    return sample[: sample.rindex("1-s/")]


def marker(mission: Mission | Listed) -> dict[str, Any]:
    return {
        "lat": mission.lat,
        "lon": mission.lon,
        "title": titles.title(mission),
        "url": page_url(mission),
        "status": mission.status,
        # A city centre, not the building: the map shows an area, not a pin.
        "approximate": bool(getattr(mission, "position_approximate", False)),
    }


def markers(missions: Sequence[Mission | Listed]) -> list[dict[str, Any]]:
    return [marker(m) for m in missions if m.lat is not None and m.lon is not None]


def _item_html(mission: Listed) -> SafeString:
    """One <li> of a mission list. Built in Python: a template include per item made a
    300-mission country page spend most of its time in the template engine."""
    label = titles.kind_in_city(mission)  # "Embassy in Moscow", in the page's language
    parts = [format_html('<a href="{}">{}</a>', page_url(mission), label)]
    if mission.status != "open":
        parts.append(
            format_html(
                '<strong class="tag tag--{}">{}</strong>',
                mission.status,
                titles.status_label(mission.status),
            )
        )
    if mission.address:
        parts.append(format_html('<span class="mission-item__meta">{}</span>', mission.address))
    if mission.lat is not None and mission.lon is not None:
        parts.append(
            format_html(
                '<span class="mission-item__meta">{} <a href="{}">{}</a></span>',
                gettext("Coordinates:"),
                osm_url(mission.lat, mission.lon),
                coordinates(mission.lat, mission.lon),
            )
        )
    return format_html('<li class="mission-item">{}</li>', SafeString(" ".join(parts)))


def mission_list(missions: list[Listed]) -> SafeString:
    """The <li> items of a list of missions."""
    return format_html_join("\n", "{}", ((_item_html(m),) for m in missions))


@dataclass(frozen=True)
class Group:
    country: CountryRef
    items: SafeString
    name: str  # the country's name in the page's language, as its heading shows it


# The office that speaks for the sending state comes first in its group, whatever its city.
_MAIN_KINDS = {
    kind.value: n
    for n, kind in enumerate(
        (
            Kind.EMBASSY,
            Kind.HIGH_COMMISSION,
            Kind.APOSTOLIC_NUNCIATURE,
            Kind.REPRESENTATIVE_OFFICE,
            Kind.INTERESTS_SECTION,
        )
    )
}
# Between two offices in one city, the usual order of kinds (consulate general before
# honorary consulate).
_KIND_ORDER = {kind.value: n for n, kind in enumerate(DEFAULT_ORDER)}


def reading_order(missions: list[Listed], language: str) -> list[Listed]:
    """The embassy first, then the other offices by city in the language's alphabetical order,
    offices with no city last."""
    city_key = collation.sort_key(language)

    def key(m: Listed) -> tuple[int, bool, bytes, int, int]:
        city = titles.city_name(m.city, m.host.code, language)
        main = _MAIN_KINDS.get(m.kind, len(_MAIN_KINDS))
        return (main, not m.city, city_key(city), _KIND_ORDER.get(m.kind, len(_KIND_ORDER)), m.pk)

    return sorted(missions, key=key)


def grouped(missions: list[Listed], by: str) -> list[Group]:
    """Missions grouped by "host" or "sending": groups in the alphabetical order of the page's
    language, each in reading order and pre-rendered."""
    language = titles.language_now()
    members: dict[str, list[Listed]] = {}
    countries: dict[str, CountryRef] = {}
    for m in missions:
        country = getattr(m, by)
        countries.setdefault(country.code, country)
        members.setdefault(country.code, []).append(m)
    names = {code: titles.country_name(c, language) for code, c in countries.items()}
    ordered = collation.sorted_by(countries, names.__getitem__, language)
    return [
        Group(countries[code], mission_list(reading_order(members[code], language)), names[code])
        for code in ordered
    ]


Row = tuple[Country, Counts]


def photo_src(url: str, width: int = 960) -> str:
    """Ask Wikimedia Commons for a resized image rather than the full-size original, over
    HTTPS (Wikidata's links are http://; the Content-Security-Policy allows Commons by https)."""
    if url.startswith("http://commons.wikimedia.org/"):
        url = "https://" + url.removeprefix("http://")
    if "Special:FilePath/" in url and "width=" not in url:
        return f"{url}{'&' if '?' in url else '?'}width={width}"
    return url


def photo_page(url: str) -> str:
    """The Commons page of a Special:FilePath image, where its author and licence are stated."""
    if "Special:FilePath/" not in url:
        return url
    name = unquote(url.split("Special:FilePath/", 1)[1].split("?", 1)[0])
    return f"https://commons.wikimedia.org/wiki/File:{quote(name.replace(' ', '_'))}"


def hours_now(mission: Mission) -> tuple[LocalTime | None, bool | None]:
    """Local time at the mission and whether its opening_hours say it is open right now."""
    local = local_time(mission.lat, mission.lon)
    if local is None or not mission.opening_hours:
        return local, None
    return local, is_open(mission.opening_hours, local.now)


def field_label(name: str) -> str:
    """'photo_author' -> 'photo author': the model's own words for a field where it has them."""
    try:
        field = Mission._meta.get_field(name)
    except FieldDoesNotExist:
        return name.replace("_", " ")
    return str(getattr(field, "verbose_name", name.replace("_", " ")))


def sources_by_origin(sources: dict[str, str]) -> list[tuple[str, list[str]]]:
    """[("an editor", ["phones"]), ("wikidata", ["address", "city", ...])]: one row per origin.

    Editors are named only as such: their user and token names stay out of public pages.
    """
    grouped: dict[str, list[str]] = {}
    for field, origin in sorted(sources.items()):
        shown = describe_source(origin) if str(origin).startswith("editor") else str(origin)
        grouped.setdefault(shown, []).append(field_label(field))
    return sorted(grouped.items())


_OSM_ELEMENT = re.compile(r"^(node|way|relation)/[0-9]+$")


def osm_credit(mission: Mission) -> dict[str, str] | None:
    """What the ODbL asks of a page showing OpenStreetMap data: None when it shows none."""
    if "osm" not in mission.sources.values():
        return None
    element = mission.osm_id or ""
    if not _OSM_ELEMENT.match(element):
        return {"element": "", "element_url": ""}
    return {"element": element, "element_url": f"https://www.openstreetmap.org/{element}"}


def mission_context(mission: Mission, others: list[Listed]) -> dict[str, Any]:
    local, open_now = hours_now(mission)
    others = reading_order(others, titles.language_now())
    return {
        "mission": mission,
        "phones": phones(mission),
        "state_lines": state_lines(mission),
        "social": social_links(mission.social),
        "local": local,
        "open_now": open_now,
        "accreditations": list(mission.accreditations.all()),
        "others": others,
        "others_html": mission_list(others),
        "markers": markers([mission]),
        "photo_src": photo_src(mission.photo) if mission.photo else "",
        "photo_page": photo_page(mission.photo) if mission.photo else "",
        "sources": sources_by_origin(mission.sources),
        "osm_credit": osm_credit(mission),
    }
