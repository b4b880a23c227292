"""Whether an import is running, as every process of the site can tell.

Each import holds a lock for as long as it runs, so that a write that timed out waiting for the
import's own locks is answered "an import is running; try again in a minute" rather than "the
database is unavailable". The same lock makes imports run one after another.

PostgreSQL: a session advisory lock, seen from any host and ended with the session, so a killed
import leaves none behind. SQLite: an flock on a file beside the database (SQLite is one
machine's), which the kernel drops with the process.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import DatabaseError, connection
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)

# pg_advisory_lock(int4, int4): "emb" and 1, a pair no other part of the site uses.
ADVISORY_KEY = (0x656D62, 1)
# What a write refused during an import says, and when to try again (seconds).
IMPORT_RUNNING = _("An import is running; try again in a minute.")
RETRY_AFTER_SECONDS = 60
# SQLSTATEs of a wait cut short: lock_timeout reached (LockNotAvailable), statement_timeout
# reached (QueryCanceled; a web request's limit, see settings.DB_STATEMENT_TIMEOUT_MS).
WAIT_CUT_SHORT = ("55P03", "57014")


@contextmanager
def import_lock() -> Iterator[None]:
    """Held around a whole import (its reading and its writing transaction)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", ADVISORY_KEY)
        try:
            yield
        finally:
            _advisory_unlock()
    else:
        with _lock_file().open("a") as file:
            fcntl.flock(file, fcntl.LOCK_EX)  # released when the file closes or the process dies
            yield


def _advisory_unlock() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", ADVISORY_KEY)
    except DatabaseError:
        connection.close()  # the session ends, and its lock with it


def import_running() -> bool:
    """Whether some process holds the import lock now; False when that cannot be told."""
    try:
        if connection.vendor == "postgresql":
            return _advisory_held()
        return _file_held()
    except (DatabaseError, OSError) as error:
        log.info("could not tell whether an import is running: %s", error)
        return False


def _advisory_held() -> bool:
    sql = (
        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        " AND classid::bigint = %s AND objid::bigint = %s AND objsubid = 2)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ADVISORY_KEY)
        row = cursor.fetchone()
    return bool(row and row[0])


def _file_held() -> bool:
    path = _lock_file()
    if not path.exists():
        return False
    with path.open("a") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(file, fcntl.LOCK_UN)
        return False


def _lock_file() -> Path:
    """Beside the database file; an in-memory database (tests) is one process's own."""
    name = str(connection.settings_dict["NAME"])
    if name.startswith("file:") or ":memory:" in name:
        digest = hashlib.sha256(f"{name}:{os.getpid()}".encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"embassies-import-{digest}.lock"
    return Path(f"{name}-import.lock")


def waited_for_import(error: BaseException) -> bool:
    """Whether a database error is a lock wait that ran out while an import held the lock."""
    cause = error.__cause__
    timed_out = getattr(cause, "sqlstate", None) in WAIT_CUT_SHORT or (
        "database is locked" in str(error)
    )
    return timed_out and import_running()
