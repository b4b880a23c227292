"""What every issuer provides, and what its parser produces whatever the document's format."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from django.utils.functional import Promise


class AdvisoryFormatError(ValueError):
    """A document refused whole: malformed, hostile or not an advisory feed."""


@dataclass(frozen=True)
class Item:
    """One issuer's advisory for one place, its level on the common scale.

    Every issuer's levels are mapped, in its own module, onto one scale of four, so that
    issuers can be compared and a level 4 from any of them raises the crisis banner:

    1. exercise normal precautions (no warning);
    2. exercise increased caution / a high degree of caution (a safety notice);
    3. reconsider travel / avoid non-essential travel;
    4. do not travel / avoid all travel.

    `issuer_level` keeps the issuer's own words for its level ("Avoid non-essential travel",
    "Reisewarnung", "Advise against all travel"), since the mapping loses nuance; `parts_only`
    says the issuer warns more strictly about parts of the country (a regional or partial
    warning): `level` is the whole country's.
    """

    title: str  # as published, whitespace collapsed
    place: str  # the place part of the title: "Burma (Myanmar)"
    level: int | None  # 1-4 on the common scale; None: the document states none
    published: datetime | None
    link: str
    tags: tuple[str, ...] = ()  # the issuer's own country codes (FIPS 10-4 for the US)
    parts_only: bool = False  # the issuer warns more strictly about parts of the country
    issuer_level: str = ""  # the issuer's own words for its level, as published


@dataclass(frozen=True)
class Issuer:
    """One government's advisories: a module in issuers/ builds one of these."""

    code: str  # the issuing state, ISO alpha-2
    name: str  # "US Department of State"
    parse: Callable[[bytes], list[Item]]  # raises AdvisoryFormatError
    urls: Callable[[], list[str]]  # live sources to try in turn (read from settings)
    tag_to_iso: Callable[[str], str | None] = lambda tag: None
    language: str = "en"  # what its advisories' titles are written in: pages mark them so
    article: bool = True  # "the US Department of State" in an English sentence; False: none
    # True: each item's tags carry the country's ISO code (Canada, Germany), which alone places
    # it; its title is display text ("Israel and Palestine") and is not read for places.
    by_code: bool = False
    # The attribution its terms require, shown wherever its advisories are shown (gettext_lazy).
    credit: str | Promise = ""
    credit_url: str = ""  # the terms or the issuer's page the credit links to
    # An issuer whose advisories take several documents (the UK: an index, then one document
    # per country) reads them itself: (a file or URL, or None for its live source) ->
    # (where they came from, items). Without it, `parse` reads one document from `urls`.
    load: Callable[[str | None], tuple[str, list[Item]]] | None = None


def iso2(code: str) -> str | None:
    """An ISO 3166-1 alpha-2 code as issuers write it ("af", " AF"), else None ("PT-20", "")."""
    code = code.strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


def json_document(body: bytes) -> Any:
    """A JSON document's value; AdvisoryFormatError for bytes that are not JSON, or nest so
    deep that reading them would exhaust the stack (a hostile document)."""
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise AdvisoryFormatError(f"not valid JSON: {error}") from error


def from_epoch(value: Any) -> datetime | None:
    """A Unix timestamp as a UTC datetime; None for anything else. Seconds, or milliseconds
    in some issuers' older data: told apart by size (1e11 seconds is past the year 5000)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def parse_date(text: str | None) -> datetime | None:
    """ISO 8601 or RFC 822 ('Tue, 19 Nov 2024 00:00:00 -0500'); naive is taken as UTC."""
    text = " ".join((text or "").split())
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
