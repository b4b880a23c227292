"""Reading where a person is: a point typed or sent ("43.1155,131.8855"), or a place named in
any of the site's languages ("Saint Petersburg", "Санкт-Петербург", "Bali"), within the
country they are in. The finder page, the API and `embassies find --near` all read it here."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext

from embassies.assistance.finder import FinderError, FinderResult, Point, check_point, countries
from embassies.assistance.finder import find as find_help
from embassies.countries import grammar
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.search import index
from embassies.lib import gazetteer

# Only digits, signs, dots, commas and spaces: meant as LAT,LON, even when mistyped ("999,999"
# is a bad point, not a place to look up).
_COORDINATES = re.compile(r"^[\s\d.,+\-−]+$")
MAX_CHOICES = 10  # places of one name offered to choose from, most populous first


@dataclass(frozen=True)
class Place:
    """A place that a name resolved to: a city, or a region at its largest city."""

    name: str  # GeoNames' name of the city ("Saint Petersburg")
    country: str
    lat: float
    lon: float
    population: int
    region: str = ""  # the region named ("Bali"), when the name was a region's

    @property
    def point(self) -> Point:
        return (self.lat, self.lon)

    @property
    def near(self) -> str:
        """The place as a `near` value, LAT,LON: for links that need no second look-up."""
        return f"{self.lat:.4f},{self.lon:.4f}"

    @property
    def label(self) -> str:
        """The city in the page's language where CLDR names it; a region with its city."""
        city = titles.city_name(self.name, self.country)
        return f"{self.region} ({city})" if self.region else city


@dataclass(frozen=True)
class Near:
    """What `near` said: no point, a point (typed, or a place's), or places to choose from."""

    point: Point | None = None
    place: Place | None = None  # the place named, when a name was given
    choices: tuple[Place, ...] = ()  # several places have that name: ask which one
    said: str = ""  # the name as the person typed it, when it found one place

    @property
    def label(self) -> str:
        """The place in the person's own words ("Санкт-Петербург"), and for a region the city
        distances are measured from: "Bali (Denpasar)"."""
        if self.place is None:
            return ""
        if self.place.region:
            return f"{self.said} ({titles.city_name(self.place.name, self.place.country)})"
        return self.said


def parse_point(text: str) -> Point:
    """'LAT,LON' -> (lat, lon); FinderError when it is not two finite numbers in range."""
    parts = text.replace("−", "-").split(",")
    try:
        lat, lon = (float(p) for p in parts) if len(parts) == 2 else (math.nan, math.nan)
    except ValueError:
        lat = lon = math.nan
    if not (math.isfinite(lat) and math.isfinite(lon)):
        # Translators: "near" is the name of the parameter; keep it as it is.
        message = gettext("near must be LAT,LON in decimal degrees, e.g. 43.1155,131.8855.")
        raise FinderError("near", message, "not_a_point")
    point = check_point((lat, lon))
    assert point is not None
    return point


def locate(text: str, host: Country) -> Near:
    """The `near` text as a point: LAT,LON as it is, a place's name through the gazetteer,
    only within `host`. FinderError("near") when it is neither."""
    text = text.strip()
    if not text:
        return Near()
    if _COORDINATES.match(text):
        return Near(parse_point(text))
    found = places(text, host.code)
    if not found:
        # Translators: %(country)s follows "in" (French: the form with its preposition, "en
        # Russie", so leave "in" out).
        message = gettext("We don’t know a place called “%(place)s” in %(country)s.")
        raise FinderError(
            "near",
            message % {"place": text, "country": grammar.place(host, other=titles.country_in)},
        )
    if len(found) > 1:
        return Near(choices=tuple(found[:MAX_CHOICES]))
    return Near(found[0].point, found[0], said=text)


def places(name: str, country: str) -> list[Place]:
    """Cities of `country` called `name` in any of the site's languages, most populous first,
    then the region of that name (a province, an island) at its largest city."""
    languages = tuple(code for code, _ in settings.LANGUAGES)
    found = [_place(city) for city in gazetteer.places_named(name, country, languages)]
    region = gazetteer.region_named(name, country, languages)
    if region is not None and all(p.name != region.city.name for p in found):
        found.append(_place(region.city, region.name))
    return found


def _place(city: gazetteer.City, region: str = "") -> Place:
    return Place(city.name, city.country, city.lat, city.lon, city.population, region)


def which_one(text: str, host: Country) -> str:
    """The question a name of several places asks, on the page and on the command line."""
    # Translators: %(country)s follows "in" (French: "en Russie"; leave "in" out).
    question = gettext("Several places are called “%(place)s” in %(country)s. Which one?")
    return question % {
        "place": text.strip(),
        "country": grammar.place(host, other=titles.country_in),
    }


def answer(citizen: str, host: str, near: str) -> tuple[Near, FinderResult | None]:
    """The finder's answer where `near` says: no answer yet (None) when it names several
    places (Near.choices). Bad countries are told before a bad `near`."""
    snapshot = index.current()
    host_state = countries(citizen, host, snapshot)[1]
    located = locate(near, host_state)
    if located.choices:
        return located, None
    return located, find_help(citizen, host, located.point)
