"""The one search: structured matches first, the database's full-text index for the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from embassies.directory.models import Mission
from embassies.directory.search import index, rank
from embassies.directory.search.fulltext import fulltext_ids
from embassies.directory.search.query import ParsedQuery, parse_query
from embassies.directory.search.vocabulary import HOST_MARKERS, SENDING_MARKERS, STOPWORDS
from embassies.lib.text import normalize

MAX_QUERY_CHARS = 200
MAX_LIMIT = 100
_QUIET = STOPWORDS | HOST_MARKERS | SENDING_MARKERS


@dataclass(frozen=True)
class SearchHit:
    mission: Mission
    score: float  # structured matches score above 1, full-text matches 1 or below
    matched: str  # how: "sending=CA host=RU city=Moscow kind=embassy", "accredited ...", "text"
    distance_km: float | None = None
    city: str | None = None  # the city the distance is measured from
    in_city: bool = False  # the mission is in that city: "in Moscow", not "2 km from Moscow"


_LITERAL = re.compile(r"^(\S+@\S+|\S+://\S+|[\w-]+(\.[\w-]+)+|[Qq]\d+|[\d\s()+./-]{6,})$")


def looks_literal(text: str) -> bool:
    """An e-mail, web address, domain, Wikidata id or phone number: full text alone answers it."""
    return bool(_LITERAL.match(text.strip()))


def _terms(text: str) -> list[str]:
    return [w for w in normalize(text).split() if w not in _QUIET]


def _how(parsed: ParsedQuery, prefix: str = "") -> str:
    city = f"city={parsed.city.name}" if parsed.city else ""
    kind = f"kind={parsed.kind.value}" if parsed.kind else ""
    fields = [f"sending={parsed.sending or '*'}", f"host={parsed.host or '*'}", city, kind]
    return " ".join(p for p in [prefix, *fields] if p)


def _wanted(parsed: ParsedQuery, found: list[index.Candidate]) -> set[int]:
    """Candidates whose text also holds the query's leftover words ("brest", a street)."""
    if not parsed.words or len(found) < 2:
        return set()
    return set(fulltext_ids(parsed.words, len(found), [c.id for c in found]))


def _structured(parsed: ParsedQuery, snapshot: index.Snapshot) -> tuple[list[rank.Ranked], str]:
    how = _how(parsed)
    found = rank.candidates(parsed, snapshot=snapshot)
    if not found and parsed.sending and parsed.host:
        found = rank.candidates(parsed, accredited=True, snapshot=snapshot)
        how = _how(parsed, "accredited")
    return rank.ranked(parsed, found, _wanted(parsed, found)), how


def _in(parsed: ParsedQuery, mission: Mission) -> bool:
    return parsed.city is not None and mission.city_geonameid == parsed.city.geonameid


def warm() -> None:
    """Load the name index and the gazetteer now (a few seconds), not on the first request.

    Call it in a server's master process before workers fork, so they share the memory.
    """
    parse_query("embassy of france in paris")
    # The snapshot too: workers forked after this share its missions until the data changes.
    search("embassy of france in paris")


def search(query: str, limit: int = 20) -> list[SearchHit]:
    """Missions that answer a query in any language, best first; [] for an empty query."""
    text = query[:MAX_QUERY_CHARS]
    if not normalize(text):
        return []
    with index.reading() as snapshot:  # the data as it is now, read once per generation
        return _search(text, max(1, min(limit, MAX_LIMIT)), snapshot)


def _search(text: str, limit: int, snapshot: index.Snapshot) -> list[SearchHit]:
    parsed = ParsedQuery(text) if looks_literal(text) else parse_query(text)
    ranked, how = _structured(parsed, snapshot) if parsed.is_structured else ([], "")
    ranked = ranked[:limit]
    loaded = snapshot.missions(r.id for r in ranked)
    city = parsed.city.name if parsed.city else None
    hits = [
        SearchHit(
            loaded[r.id], 1 + r.score / 100, how, r.distance_km, city, _in(parsed, loaded[r.id])
        )
        for r in ranked
    ]
    if not hits:
        terms = normalize(text).split() if looks_literal(text) else _terms(text)
        ids = fulltext_ids(terms, limit)
        loaded = snapshot.missions(ids)
        hits = [
            SearchHit(loaded[i], round(1 - n / (2 * limit), 3), "text") for n, i in enumerate(ids)
        ]
    return hits
