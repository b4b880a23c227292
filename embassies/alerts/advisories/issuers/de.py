"""Auswärtiges Amt (German Federal Foreign Office) OpenData: the list `travelwarning`
(DE_ADVISORIES_URL).

{"response": {"<contentId>": {"title", "countryCode", "countryName", "lastModified",
"warning", "partialWarning", "situationWarning", "situationPartWarning"}, ...,
"contentList": [...], "lastModified": ...}}. The key is the AA's content id, which may change;
the country is its ISO-2 `countryCode`. An answer without `response` is the interface failing or
switched off, never "no warnings": refused.

Common scale (items.Item), the strongest flag set deciding:
warning (Reisewarnung, the whole country) -> 4; situationWarning (a warning for the whole country
bound to a situation, COVID-era) -> 3; partialWarning (Teilreisewarnung) -> 2 and parts_only;
situationPartWarning -> 2 and parts_only; none (travel and safety advice only) -> 1.
A partial warning is a warning against parts only: the country as a whole gets 2, since the rest
of it is not "normal precautions" in the AA's text either, and the flag says a part is worse.

Terms of use (Nutzungsbedingungen of the OpenData interface): the AA must be credited where the
data is shown (ISSUER.credit), the data taken over completely and kept current. So every entry
of the list is stored (none filtered), in the AA's own words (issuer_level, the title as
published), replaced whole on every fetch, with its date.
"""

from __future__ import annotations

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
)
from embassies.alerts.advisories.titles import collapse

FLAGS = ("warning", "partialWarning", "situationWarning", "situationPartWarning")
# flag -> (level on the common scale, parts only, the AA's word for it); strongest first.
SCALE = {
    "warning": (4, False, "Reisewarnung"),
    "situationWarning": (3, False, "Situationsbedingte Reisewarnung"),
    "partialWarning": (2, True, "Teilreisewarnung"),
    "situationPartWarning": (2, True, "Situationsbedingte Teilreisewarnung"),
}
NONE = (1, False, "Reise- und Sicherheitshinweise")
ENVELOPE = {"contentList", "lastModified"}  # beside the entries in `response`


def _flags(key: str, entry: dict[str, Any]) -> list[str]:
    """The flags set; a missing flag is false, anything but a boolean refuses the document."""
    for flag in FLAGS:
        if not isinstance(entry.get(flag, False), bool):
            raise AdvisoryFormatError(
                f"entry {key}: {flag} is {entry[flag]!r}, not true or false; nothing was changed"
            )
    return [flag for flag in SCALE if entry.get(flag) is True]


def _item(key: str, entry: dict[str, Any], source: str) -> Item:
    level, parts_only, words = next((SCALE[f] for f in _flags(key, entry)), NONE)
    code = collapse(str(entry.get("countryCode") or ""))
    # "Macau*": the star marks a non-sovereign or disputed entity; it is not part of the name.
    name = collapse(str(entry.get("countryName") or "")).rstrip("*").strip() or code or key
    return Item(
        title=collapse(str(entry.get("title") or "")) or name,
        place=name,
        level=level,
        published=from_epoch(entry.get("lastModified")),
        link=f"{source.rstrip('/')}/{key}" if key.isdigit() else "",
        tags=(code,) if code else (),
        parts_only=parts_only,
        issuer_level=words,
    )


def _entries(body: bytes) -> dict[str, dict[str, Any]]:
    document = json_document(body)
    response = document.get("response") if isinstance(document, dict) else None
    if not isinstance(response, dict):
        raise AdvisoryFormatError(
            "not the Federal Foreign Office's travelwarning list (no 'response'): the interface "
            "failed or is switched off; nothing was changed"
        )
    entries = {str(k): v for k, v in response.items() if k not in ENVELOPE}
    wrong = next((k for k, v in entries.items() if not isinstance(v, dict)), None)
    if wrong is not None:
        raise AdvisoryFormatError(f"entry {wrong} is not an object; nothing was changed")
    return entries


def parse(body: bytes) -> list[Item]:
    """Every entry of the list, or AdvisoryFormatError for the whole document."""
    source = settings.DE_ADVISORIES_URL or "https://www.auswaertiges-amt.de/opendata/travelwarning"
    return [_item(key, entry, source) for key, entry in _entries(body).items()]


def urls() -> list[str]:
    return [settings.DE_ADVISORIES_URL] if settings.DE_ADVISORIES_URL else []


ISSUER = Issuer(
    code="DE",
    name="German Federal Foreign Office",
    parse=parse,
    urls=urls,
    tag_to_iso=iso2,
    language="de",
    by_code=True,
    credit=_(
        "Source: Auswärtiges Amt (German Federal Foreign Office), travel and safety advice "
        "through its OpenData interface, shown complete and without warranty; its own "
        "pages are authoritative."
    ),
    credit_url="https://www.auswaertiges-amt.de/de/service/opendata/open-data-schnittstelle-736118",
)
