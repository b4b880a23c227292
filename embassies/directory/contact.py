"""How to reach a mission: phone numbers in E.164, social accounts as links, and where it is:
its street address, or the district of its city when that is all the source says."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from embassies.lib.text import normalize

# Wikidata stores account ids, not URLs; these turn an id into the page people can open.
_SOCIAL_URLS: dict[str, str] = {
    "facebook": "https://www.facebook.com/{}",
    "twitter": "https://x.com/{}",
    "x": "https://x.com/{}",
    "instagram": "https://www.instagram.com/{}",
    "youtube": "https://www.youtube.com/channel/{}",
}


def _formatted(number: str, region: str, style: int) -> str:
    """The number in `style`, or the text as given when phonenumbers cannot make sense of it."""
    try:
        parsed = phonenumbers.parse(number, region.upper() or None)
    except phonenumbers.NumberParseException:
        return number
    if not phonenumbers.is_possible_number(parsed):
        return number
    return phonenumbers.format_number(parsed, style)


def e164(number: str, region: str) -> str:
    """'+74959255000' for '(495) 925-6000' in RU; the text as given when it cannot be parsed."""
    return _formatted(number, region, phonenumbers.PhoneNumberFormat.E164)


def display_phone(number: str, region: str) -> str:
    """The international format people read ('+7 495 925-60-00'), or the text as given."""
    return _formatted(number, region, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def social_links(social: dict[str, str]) -> dict[str, str]:
    """{network: URL}: URLs kept as given, ids of known networks made into URLs, others dropped."""
    links: dict[str, str] = {}
    for network, value in sorted(social.items()):
        value = str(value).strip()
        if value.startswith(("https://", "http://")):
            links[network] = value
        elif value and network.lower() in _SOCIAL_URLS:
            links[network] = _SOCIAL_URLS[network.lower()].format(value.lstrip("@"))
    return links


# Numbers that count a city's districts, not a street's houses: "16th arrondissement of
# Paris", "District 7", "Commune 5", "Prague 1" (a city's name and its district's number).
_DISTRICT_NUMBER = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th|e|er|ème)?\s+(?:arrondissement|district|ward|bezirk)\b"
    r"|\b(?:district|arrondissement|commune|ward|sector|zone|distrito|bezirk)\s+\d{1,2}\b",
    re.IGNORECASE,
)


def is_district(address: str, city: str = "") -> bool:
    """True when the address names only a part of a city ("Khamovniki District", "Mitte",
    "Minato-ku", "16th arrondissement of Paris") and no street: it holds no house number.
    Sources put a district where a street address goes when they know no more."""
    text = _DISTRICT_NUMBER.sub("", address.strip())
    rest = normalize(text).removeprefix(normalize(city)).strip() if city else ""
    if rest.isdigit() and len(rest) <= 2:
        return True  # "Prague 1": the city's first district, not house number 1
    return bool(address.strip()) and not any(ch.isdigit() for ch in text)


@dataclass(frozen=True)
class Whereabouts:
    """Where a mission is, as people read it: the street address on its own line(s), then the
    place: "Khamovniki District, Moscow" when the district is all that is known, else the city.
    `city_known` is False when no source gives the city."""

    street: str
    place: str
    city_known: bool

    @property
    def line(self) -> str:
        """One line for a list: "Tverskaya 5, Moscow", "Khamovniki District, Moscow", or the
        street alone where it already names the place ("... 23, 119002 Moscow")."""
        if self.street and normalize(self.place) in normalize(self.street):
            return self.street
        return ", ".join(part for part in (self.street, self.place) if part)


def whereabouts(
    address: str, city: str, district_of: str = "%(district)s, %(city)s"
) -> Whereabouts:
    """The street and the place of a mission whose city reads `city` (in the page's language).
    `district_of` words "a district of a city" in that language (a catalogue entry); a district
    whose name already says its city ("Budapest District VI") is not followed by it again."""
    address, city = address.strip(), city.strip()
    if not is_district(address, city):
        return Whereabouts(address, city, bool(city))
    if not city or normalize(city) in normalize(address):
        return Whereabouts("", address, bool(city))
    return Whereabouts("", district_of % {"district": address, "city": city}, True)
