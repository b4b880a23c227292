"""How to reach a mission: phone numbers in E.164, social accounts as links."""

from __future__ import annotations

import phonenumbers

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
