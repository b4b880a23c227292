"""The text of a mission that full-text search reads: names, places, contacts, in one line.

`build_search_document` needs no query: country names come from the in-memory reference data,
so an importer can fill thousands of missions in bulk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from embassies.countries import reference
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission
from embassies.lib.changes import everything_changed
from embassies.lib.text import normalize

# Country names in these languages go into the document; the query parser knows the rest.
DOCUMENT_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "ar", "zh")
_DIGITS = re.compile(r"\D+")


def country_words(code: str) -> list[str]:
    facts = reference.get(code)
    if facts is None:
        return [code]
    names = [facts.names.get(lang, "") for lang in DOCUMENT_LANGUAGES]
    return [facts.name, facts.official_name, *facts.alt_names, *facts.adjectives, *names]


def phone_words(phones: Iterable[str]) -> list[str]:
    """Each number as written and as bare digits, so "+7 495 956-66-66" and "74959566666" match."""
    words: list[str] = []
    for phone in phones:
        digits = _DIGITS.sub("", phone)
        words += [phone, digits, digits.lstrip("0")]
    return words


def _website(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def build_search_document(m: Mission) -> str:
    """One normalised line of every searchable word of a mission (deduplicated, order kept)."""
    parts = [
        m.wikidata or "",
        str(Kind(m.kind).label),
        m.kind_label,
        m.sending_subdivision,
        *country_words(m.sending_id),
        *country_words(m.host_id),
        m.city,
        m.address,
        *m.jurisdiction_regions,
        m.head_of_mission,
        *phone_words(m.phones),
        *m.emails,
        _website(m.website),
        *(str(v) for v in m.social.values()),
    ]
    words: dict[str, None] = {}
    for part in parts:
        for word in normalize(part or "").split():
            words.setdefault(word, None)
    return " ".join(words)


def refresh_search_documents(missions: Iterable[Mission], batch_size: int = 500) -> int:
    """Recompute and store the documents of these missions; returns how many changed."""
    changed = []
    for mission in missions:
        document = build_search_document(mission)
        if document != mission.search_document:
            mission.search_document = document
            changed.append(mission)
    Mission.objects.bulk_update(changed, ["search_document"], batch_size=batch_size)
    if changed:
        everything_changed()  # search pages shown before the reindex are out of date
    return len(changed)
