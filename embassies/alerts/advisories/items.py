"""What every issuer provides, and what its parser produces whatever the document's format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


class AdvisoryFormatError(ValueError):
    """A document refused whole: malformed, hostile or not an advisory feed."""


@dataclass(frozen=True)
class Item:
    title: str  # as published, whitespace collapsed
    place: str  # the place part of the title: "Burma (Myanmar)"
    level: int | None
    published: datetime | None
    link: str
    tags: tuple[str, ...] = ()  # the issuer's own country codes (FIPS 10-4 for the US)


@dataclass(frozen=True)
class Issuer:
    """One government's advisories: a module in issuers/ builds one of these."""

    code: str  # the issuing state, ISO alpha-2
    name: str  # "US Department of State"
    parse: Callable[[bytes], list[Item]]  # raises AdvisoryFormatError
    urls: Callable[[], list[str]]  # live sources to try in turn (read from settings)
    tag_to_iso: Callable[[str], str | None] = lambda tag: None
    language: str = "en"  # what its advisories' titles are written in: pages mark them so


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
