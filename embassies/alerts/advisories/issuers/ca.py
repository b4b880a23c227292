"""Global Affairs Canada: the travel advice index `index-updated.json` (CA_ADVISORIES_URL).

{"metadata": {...}, "data": {"AF": {"advisory-state": 3, "has-regional-advisory": 0,
"date-published": {"timestamp": ...}, "eng": {"name", "url-slug", "advisory-text"}}, ...}}.
Keys are ISO 3166-1 alpha-2 codes, but a few destinations are parts of a country keyed by their
ISO 3166-2 code ("PT-20", the Azores): those belong to their country and never become one.

Common scale (items.Item): level = advisory-state + 1, read from the number, not the text,
whose wording differs between the feed and the site:
0 exercise normal security precautions -> 1, 1 exercise a high degree of caution -> 2,
2 avoid non-essential travel -> 3, 3 avoid all travel -> 4. The state is country-wide;
has-regional-advisory says some regions carry a stricter one -> parts_only.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from embassies.alerts.advisories.items import (
    AdvisoryFormatError,
    Issuer,
    Item,
    from_epoch,
    iso2,
    json_document,
    parse_date,
)
from embassies.alerts.advisories.titles import collapse

PAGE = "https://travel.gc.ca/destinations/"
# The issuer's own words for each state, used only when an entry carries no advisory-text.
WORDS = {
    0: "Exercise normal security precautions",
    1: "Exercise a high degree of caution",
    2: "Avoid non-essential travel",
    3: "Avoid all travel",
}


def _text(value: Any) -> str:
    # The 2014 index wrote HTML entities (&eacute;) inside its JSON strings.
    return collapse(html.unescape(value)) if isinstance(value, str) else ""


def _flag(entry: dict[str, Any], name: str, key: str) -> bool:
    value = entry.get(name, 0)
    if value not in (0, 1) or isinstance(value, float):  # True/False are 1/0 and accepted
        raise AdvisoryFormatError(f"{key}: {name} is {value!r}, not 0 or 1; nothing was changed")
    return bool(value)


def _state(entry: dict[str, Any], key: str) -> int:
    value = entry.get("advisory-state")
    if type(value) is not int or value not in WORDS:
        raise AdvisoryFormatError(
            f"{key}: advisory-state is {value!r}, not 0 to 3; nothing was changed"
        )
    return value


def _published(entry: dict[str, Any]) -> datetime | None:
    """The epoch timestamp, which is UTC; the local `date` strings carry no offset."""
    stamp = entry.get("date-published")
    stamp = stamp if isinstance(stamp, dict) else {}
    asp = stamp.get("asp")
    return from_epoch(stamp.get("timestamp")) or parse_date(asp if isinstance(asp, str) else None)


def _item(key: str, entry: dict[str, Any]) -> Item:
    state = _state(entry, key)
    found = entry.get("eng")
    eng: dict[str, Any] = found if isinstance(found, dict) else {}
    name = _text(eng.get("name")) or _text(entry.get("country-eng")) or key
    words = _text(eng.get("advisory-text")) or WORDS[state]
    slug = _text(eng.get("url-slug"))
    return Item(
        title=f"{name}: {words}",
        place=name,
        level=state + 1,
        published=_published(entry),
        link=f"{PAGE}{slug}" if slug and "/" not in slug else "",
        tags=(key,),
        parts_only=_flag(entry, "has-regional-advisory", key),
        issuer_level=words,
    )


def _entries(body: bytes) -> dict[str, dict[str, Any]]:
    document = json_document(body)
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise AdvisoryFormatError(
            "not Global Affairs Canada's index: expected {'data': {code: {...}}}"
        )
    return {str(key).strip().upper(): entry for key, entry in data.items()}


def _fold(countries: dict[str, Item], parts: list[Item]) -> list[Item]:
    """A part stricter than its country makes the country's advice parts_only; a part whose
    country has no entry of its own is kept, to be reported: its level is not the country's."""
    unplaced = []
    for part in parts:
        parent = countries.get(part.tags[0].split("-")[0])
        if parent is None:
            unplaced.append(replace(part, level=None))
        elif (part.level or 0) > (parent.level or 0):
            countries[parent.tags[0]] = replace(parent, parts_only=True)
    return [*countries.values(), *unplaced]


def parse(body: bytes) -> list[Item]:
    """Every destination, or AdvisoryFormatError for the whole document."""
    countries: dict[str, Item] = {}
    parts: list[Item] = []
    for key, entry in _entries(body).items():
        item = _item(key, entry)
        if iso2(key) or "-" not in key:
            countries[key] = item
        else:
            parts.append(item)
    return _fold(countries, parts)


def urls() -> list[str]:
    return [settings.CA_ADVISORIES_URL] if settings.CA_ADVISORIES_URL else []


ISSUER = Issuer(
    code="CA",
    name="Global Affairs Canada",
    article=False,  # a department's proper name: "Global Affairs Canada advises"
    parse=parse,
    urls=urls,
    tag_to_iso=iso2,
    by_code=True,
    # The Open Government Licence - Canada asks for this attribution statement.
    credit=_("Contains information licensed under the Open Government Licence – Canada."),
    credit_url="https://open.canada.ca/en/open-government-licence-canada",
)
