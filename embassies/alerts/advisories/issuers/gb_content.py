"""GOV.UK's Content API for the FCDO's travel advice: the index and one country's document.

The index (`/api/content/foreign-travel-advice`) lists the countries in `links.children`,
each with its slug, English name and `public_updated_at`, but no level. A country's document
(`.../foreign-travel-advice/{slug}`) holds the level in `details.alert_status`: a list of the
FCDO's four statuses, empty when it advises against no travel. Neither carries an ISO code.

Common scale (items.Item, README): `level` is the advice for the country as a whole,
`parts_only` says parts of it carry stricter advice. From the statuses present:
- avoid all travel to the whole country -> 4;
- avoid all but essential travel to the whole country -> 3, and parts_only when parts are
  under "avoid all travel";
- parts of the country only (all travel, or all but essential) -> 2 and parts_only, like the
  German partial warning: a number for the whole country, not for its worst part, so that a
  warning about one border region never reads as (or raises the banner of) "do not travel";
- none -> 1: the FCDO publishes advice for the country and advises against no travel there.
  Stored as level 1 rather than left out, so a drop from 4 ends the crisis banner.
`issuer_level` names every status present in the FCDO's words, worst first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from embassies.alerts.advisories.items import AdvisoryFormatError, Item, json_document, parse_date
from embassies.alerts.advisories.titles import collapse

WEB = "https://www.gov.uk/foreign-travel-advice/"
# A hostile index could list millions of children, each a request: the real one lists ~226.
MAX_COUNTRIES = 600
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Status -> (level of the part or the whole it is about, about parts only, the FCDO's words),
# most severe first. The words are the publisher's (alphagov/travel-advice-publisher), with
# the office's current name.
STATUSES: dict[str, tuple[int, bool, str]] = {
    "avoid_all_travel_to_whole_country": (
        4,
        False,
        "FCDO advises against all travel to the whole country",
    ),
    "avoid_all_travel_to_parts": (
        4,
        True,
        "FCDO advises against all travel to parts of the country",
    ),
    "avoid_all_but_essential_travel_to_whole_country": (
        3,
        False,
        "FCDO advises against all but essential travel to the whole country",
    ),
    "avoid_all_but_essential_travel_to_parts": (
        3,
        True,
        "FCDO advises against all but essential travel to parts of the country",
    ),
}
# The whole country's level when only parts of it carry advice (see the module's docstring).
PARTS_ONLY_LEVEL = 2
NO_ADVICE_AGAINST_TRAVEL = (1, False, "No FCDO advice against travel")


@dataclass(frozen=True)
class Entry:
    """One country in the index: what identifies it and when its advice last changed."""

    slug: str
    name: str
    title: str
    published: datetime | None
    withdrawn: bool = False

    def unread(self) -> Item:
        """The entry as an item without a level: what the store reports when it is not read."""
        title = f"{self.title} (withdrawn)" if self.withdrawn else self.title
        return Item(title, self.name, None, self.published, WEB + self.slug, (self.slug,))


def document(body: bytes) -> dict[str, Any]:
    """The JSON object a Content API answer holds; AdvisoryFormatError for anything else."""
    data = json_document(body)
    if not isinstance(data, dict):
        raise AdvisoryFormatError("not a GOV.UK content item: expected a JSON object")
    return data


def is_index(data: dict[str, Any]) -> bool:
    """The index, told from a country's document by its type, or its path when trimmed."""
    kinds = {data.get("schema_name"), data.get("document_type")}
    return "travel_advice_index" in kinds or data.get("base_path") == "/foreign-travel-advice"


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise AdvisoryFormatError(f"{what} is not an object")
    return value


def _text(value: Any, what: str, limit: int = 300) -> str:
    text = collapse(value) if isinstance(value, str) else ""
    if not text or len(text) > limit:
        raise AdvisoryFormatError(f"{what} is missing, empty or longer than {limit} characters")
    return text


def country_of(details: dict[str, Any]) -> tuple[str, str]:
    """(slug, English name) from `details.country`; the slug is checked, as URLs are made of it."""
    country = _object(details.get("country"), "details.country")
    slug = _text(country.get("slug"), "details.country.slug", 100)
    if not _SLUG.match(slug):
        raise AdvisoryFormatError(f"details.country.slug {slug!r} is not a GOV.UK slug")
    return slug, _text(country.get("name"), "details.country.name", 200)


def level_of(statuses: Any) -> tuple[int, bool, str]:
    """`details.alert_status` -> (the whole country's level, stricter parts, the FCDO's
    words); an unknown status refuses the document: a new status must be mapped, never read
    as none."""
    if not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses):
        raise AdvisoryFormatError("details.alert_status is not a list of strings")
    unknown = sorted(set(statuses) - set(STATUSES))
    if unknown:
        raise AdvisoryFormatError(f"details.alert_status: unknown status {', '.join(unknown)}")
    present = [STATUSES[status] for status in STATUSES if status in statuses]
    if not present:
        return NO_ADVICE_AGAINST_TRAVEL
    said = "; ".join(words for _level, _parts, words in present)
    whole = max((level for level, parts, _words in present if not parts), default=0)
    worst_part = max((level for level, parts, _words in present if parts), default=0)
    if not whole:
        return PARTS_ONLY_LEVEL, True, said
    return whole, worst_part > whole, said


def _withdrawn(data: dict[str, Any]) -> bool:
    # Live documents carry an empty notice ({}); a withdrawn one explains why.
    return bool(data.get("withdrawn_notice"))


def country_item(data: dict[str, Any]) -> Item:
    """One country's document -> its item; a withdrawn advice states no level."""
    details = _object(data.get("details"), "details")
    slug, name = country_of(details)
    level, parts_only, words = level_of(details.get("alert_status"))
    title = collapse(str(data.get("title") or "")) or f"{name} travel advice"
    published = parse_date(str(data.get("public_updated_at") or ""))
    return Item(
        title=title[:300],
        place=name,
        level=None if _withdrawn(data) else level,
        published=published,
        link=WEB + slug,
        tags=(slug,),
        parts_only=parts_only,
        issuer_level=words,
    )


def _entry(child: Any, position: int) -> Entry:
    try:
        child = _object(child, "the child")
        slug, name = country_of(_object(child.get("details"), "details"))
    except AdvisoryFormatError as error:
        raise AdvisoryFormatError(f"links.children[{position}]: {error}") from None
    title = collapse(str(child.get("title") or "")) or f"{name} travel advice"
    published = parse_date(str(child.get("public_updated_at") or ""))
    return Entry(slug, name, title[:300], published, child.get("withdrawn") is True)


def index_entries(data: dict[str, Any]) -> list[Entry]:
    """The index's countries, in its order; a malformed child refuses the whole index."""
    children = _object(data.get("links"), "links").get("children")
    if not isinstance(children, list) or not children:
        raise AdvisoryFormatError("the index lists no countries (links.children)")
    if len(children) > MAX_COUNTRIES:
        raise AdvisoryFormatError(f"the index lists more than {MAX_COUNTRIES} countries, refused")
    return [_entry(child, position) for position, child in enumerate(children)]
