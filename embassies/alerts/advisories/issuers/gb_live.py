"""The UK's advisories from the index: one document per country, fetched only when it changed.

The index states when each country's advice last changed (`public_updated_at`); a country
whose stored advisory carries that same date is not fetched again, and one whose document is
fetched is asked with If-Modified-Since, so a server that supports it answers 304. A country
the project cannot name is reported, never fetched. Any document that fails or is malformed
stops the whole run before anything is stored (the store's one transaction), like
`sync wikidata`: the next run tries again.
"""

from __future__ import annotations

import logging
from datetime import UTC
from email.utils import format_datetime

from embassies.alerts.advisories.issuers.gb_content import Entry, country_item, document
from embassies.alerts.advisories.items import AdvisoryFormatError, Issuer, Item
from embassies.alerts.advisories.resolve import resolve
from embassies.alerts.models import Advisory
from embassies.lib.http import Fetched, fetch_response

log = logging.getLogger(__name__)

# A country's document is ~25-40 KB; the index of ~226 countries well under 1 MB.
DOCUMENT_MAX_BYTES = 2 * 1024 * 1024
INDEX_MAX_BYTES = 16 * 1024 * 1024
# Each request, from connecting to its last byte (at most EMBASSIES_HTTP_TIMEOUT).
DOCUMENT_SECONDS = 30.0


def get(url: str, max_bytes: int, headers: dict[str, str] | None = None) -> Fetched:
    """One Content API answer, bounded in size and time."""
    return fetch_response(
        url,
        headers={"Accept": "application/json", **(headers or {})},
        max_bytes=max_bytes,
        max_seconds=DOCUMENT_SECONDS,
    )


def _kept(entry: Entry, old: Advisory) -> Item:
    """The stored advisory as an item: the store finds it unchanged."""
    return Item(
        title=old.title,
        place=entry.name,
        level=old.level,
        published=old.published,
        link=old.link,
        tags=(entry.slug,),
        parts_only=old.parts_only,
        issuer_level=old.issuer_level,
    )


def _unchanged(entry: Entry, olds: list[Advisory | None]) -> Advisory | None:
    """The stored advisory when every country the entry names has one from the same change."""
    if entry.published is None or not all(olds):
        return None
    same = all(old is not None and old.published == entry.published for old in olds)
    return olds[0] if same else None


def _fetched(entry: Entry, base: str, old: Advisory | None) -> Item:
    url = f"{base}/{entry.slug}"
    since = {}
    if old is not None and old.published is not None:
        since = {"If-Modified-Since": format_datetime(old.published.astimezone(UTC), usegmt=True)}
    answer = get(url, DOCUMENT_MAX_BYTES, since)
    if answer.status == 304 and old is not None:
        return _kept(entry, old)
    try:
        item = country_item(document(answer.body))
    except AdvisoryFormatError as error:
        raise AdvisoryFormatError(f"{url}: {error}") from error
    if item.tags != (entry.slug,):
        # A document about another country than the one asked: misrouted or hostile.
        raise AdvisoryFormatError(f"{url}: the document is about {item.tags[0]!r}, refused")
    return item


def items(issuer: Issuer, entries: list[Entry], base: str) -> list[Item]:
    """One item per index entry: unread (reported), kept from the store, or fetched."""
    stored = Advisory.of_issuer(issuer.code)
    found: list[Item] = []
    fetched = 0
    for entry in entries:
        codes = resolve(entry.unread(), issuer).codes
        if not codes or entry.withdrawn:
            found.append(entry.unread())
            continue
        olds = [stored.get(code) for code in codes]
        kept = _unchanged(entry, olds)
        if kept is not None:
            found.append(_kept(entry, kept))
            continue
        if not base:
            raise AdvisoryFormatError("GB_ADVISORIES_URL is empty: no country can be fetched")
        found.append(_fetched(entry, base, olds[0]))
        fetched += 1
    log.info("UK travel advice: %d of %d country documents fetched", fetched, len(entries))
    return found
