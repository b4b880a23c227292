"""Free-text lookup in the database's own index: FTS5 on SQLite, tsvector + pg_trgm on PostgreSQL.

All terms must match (each also as a prefix); failing that, the terms the index knows; on
PostgreSQL, failing that, trigram similarity catches typos. Words reach the database only as
bound parameters, each quoted as a plain term, so no query syntax a user types is interpreted.
"""

from __future__ import annotations

from django.db import connection

MAX_TERMS = 8
MIN_TERM = 2
# `{among}` takes "AND id IN (%s, ...)": placeholders only, every value is a bound parameter.
_SQLITE_MATCH = (
    "SELECT rowid FROM directory_mission_fts WHERE directory_mission_fts MATCH %s{among} "
    "ORDER BY bm25(directory_mission_fts) LIMIT %s"
)
_POSTGRES_MATCH = (
    "SELECT id FROM directory_mission "
    "WHERE to_tsvector('simple', search_document) @@ to_tsquery('simple', %s){among} "
    "ORDER BY ts_rank(to_tsvector('simple', search_document), to_tsquery('simple', %s)) DESC, id "
    "LIMIT %s"
)


def _within(column: str, ids: list[int] | None) -> tuple[str, list[int]]:
    if ids is None:
        return "", []
    return f" AND {column} IN ({', '.join(['%s'] * len(ids))})", ids


def _sqlite_match(terms: list[str], limit: int, within: list[int] | None) -> list[int]:
    query = " AND ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)
    among, ids = _within("rowid", within)
    sql = _SQLITE_MATCH.replace("{among}", among)
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, *ids, limit])
        return [row[0] for row in cursor.fetchall()]


def _postgres_match(terms: list[str], limit: int, within: list[int] | None) -> list[int]:
    query = " & ".join(f"{t}:*" for t in terms)
    among, ids = _within("id", within)
    sql = _POSTGRES_MATCH.replace("{among}", among)
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, *ids, query, limit])
        return [row[0] for row in cursor.fetchall()]


def _postgres_similar(terms: list[str], limit: int) -> list[int]:
    """Typos: `<%` uses the trigram index with pg_trgm's default word-similarity threshold, 0.6."""
    sql = (
        "SELECT id FROM directory_mission WHERE %s <%% search_document "
        "ORDER BY word_similarity(%s, search_document) DESC, id LIMIT %s"
    )
    phrase = " ".join(terms)
    with connection.cursor() as cursor:
        cursor.execute(sql, [phrase, phrase, limit])
        return [row[0] for row in cursor.fetchall()]


def _match(terms: list[str], limit: int, within: list[int] | None = None) -> list[int]:
    match = _postgres_match if connection.vendor == "postgresql" else _sqlite_match
    return match(terms, limit, within)


def fulltext_ids(terms: list[str], limit: int, within: list[int] | None = None) -> list[int]:
    """Ids of missions whose document holds the terms, best first; `within` narrows the search."""
    terms = [t for t in terms if t.isalnum() and len(t) >= MIN_TERM][:MAX_TERMS]
    if not terms or limit <= 0 or within == []:
        return []
    if within is not None:
        return _match(terms, limit, within)
    if ids := _match(terms, limit):
        return ids
    known = [t for t in terms if _match([t], 1)]
    if known and len(known) < len(terms) and (ids := _match(known, limit)):
        return ids
    return _postgres_similar(terms, limit) if connection.vendor == "postgresql" else []
