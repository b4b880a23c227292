"""The database's own full-text index over Mission.search_document, per vendor.

SQLite: an FTS5 table with external content, kept in step by triggers. PostgreSQL: a GIN
index on the `simple` tsvector and a trigram index (pg_trgm) for typos. Installed by a
migration; `ensure_fulltext` (after every migrate) puts back SQLite triggers that a table
rebuild dropped, and rebuilds the index when it had to.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

FTS_TABLE = "directory_mission_fts"

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS directory_mission_fts USING fts5(search_document, "
    "content='directory_mission', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = {
    "directory_mission_fts_ai": """
        CREATE TRIGGER IF NOT EXISTS directory_mission_fts_ai AFTER INSERT ON directory_mission
        BEGIN
            INSERT INTO directory_mission_fts(rowid, search_document)
            VALUES (new.id, new.search_document);
        END""",
    "directory_mission_fts_ad": """
        CREATE TRIGGER IF NOT EXISTS directory_mission_fts_ad AFTER DELETE ON directory_mission
        BEGIN
            INSERT INTO directory_mission_fts(directory_mission_fts, rowid, search_document)
            VALUES ('delete', old.id, old.search_document);
        END""",
    "directory_mission_fts_au": """
        CREATE TRIGGER IF NOT EXISTS directory_mission_fts_au
        AFTER UPDATE OF search_document ON directory_mission
        BEGIN
            INSERT INTO directory_mission_fts(directory_mission_fts, rowid, search_document)
            VALUES ('delete', old.id, old.search_document);
            INSERT INTO directory_mission_fts(rowid, search_document)
            VALUES (new.id, new.search_document);
        END""",
}
SQLITE_REBUILD = "INSERT INTO directory_mission_fts(directory_mission_fts) VALUES ('rebuild')"
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS] + [
    f"DROP TABLE IF EXISTS {FTS_TABLE}"
]

POSTGRES_INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS directory_mission_search_tsv ON directory_mission "
    "USING gin (to_tsvector('simple', search_document))",
    "CREATE INDEX IF NOT EXISTS directory_mission_search_trgm ON directory_mission "
    "USING gin (search_document gin_trgm_ops)",
]
POSTGRES_INDEXES = ("directory_mission_search_tsv", "directory_mission_search_trgm")
POSTGRES_DROP = [f"DROP INDEX IF EXISTS {name}" for name in POSTGRES_INDEXES]


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install_fulltext(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "sqlite":
        _run(connection, [SQLITE_TABLE, *SQLITE_TRIGGERS.values(), SQLITE_REBUILD])
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_INSTALL)


def remove_fulltext(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_DROP)
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_DROP)


def _sqlite_missing(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE (type = 'trigger' AND name IN (%s, %s, %s))"
            " OR (type = 'table' AND name = %s)",
            [*SQLITE_TRIGGERS, FTS_TABLE],
        )
        return bool(cursor.fetchone()[0] != len(SQLITE_TRIGGERS) + 1)


def _postgres_missing(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname IN (%s, %s)", list(POSTGRES_INDEXES)
        )
        return bool(cursor.fetchone()[0] != len(POSTGRES_INDEXES))


def ensure_fulltext(connection: BaseDatabaseWrapper) -> None:
    """Idempotent repair: SQLite drops a table's triggers whenever Django rebuilds the table.

    Writes only when something is missing, so it is safe inside a transaction (`flush`).
    """
    missing = {"sqlite": _sqlite_missing, "postgresql": _postgres_missing}.get(connection.vendor)
    if missing is not None and missing(connection):
        install_fulltext(connection)


def ensure_after_migrate(using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    if "directory_mission" in connections[using].introspection.table_names():
        ensure_fulltext(connections[using])
