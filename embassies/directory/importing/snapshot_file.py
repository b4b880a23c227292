"""Write rows in the Wikidata CSV snapshot format, the shipped snapshot's, with a note of when
and where they were read: how a live sync becomes the next embedded default.

PATH gets the CSV (gzip when it ends in .gz) and PATH.json the note: {"as_of": the query's
time in UTC, "sha256": of the uncompressed CSV, "source": the endpoint}. Each is written to a
temporary file beside it and renamed, so a reader never sees half a file.

Closure statements (dissolved, end time, state of use) follow the snapshot's columns, as
the optional columns the reader knows, so a mission Wikidata says closed stays closed, with
its date, when the file is imported.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from embassies.directory.importing.records import COLUMNS, OPTIONAL_COLUMNS

WRITTEN = (*COLUMNS, *OPTIONAL_COLUMNS)
HEADER = ";".join(WRITTEN) + "\n"


def csv_text(rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    buffer.write(HEADER)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerows([row.get(name, "") for name in WRITTEN] for row in rows)
    return buffer.getvalue()


def write_snapshot(rows: Iterable[dict[str, str]], path: Path, as_of: datetime, source: str) -> int:
    """Write PATH and PATH.json; returns how many rows PATH holds."""
    kept = list(rows)
    data = csv_text(kept).encode("utf-8")
    # mtime=0: the same rows give the same bytes, so a refreshed default diffs only on change.
    write_atomically(path, gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    note = {
        "as_of": as_of.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "sha256": hashlib.sha256(data).hexdigest(),
        "source": source,
    }
    write_atomically(note_path(path), (json.dumps(note, indent=2) + "\n").encode())
    return len(kept)


def note_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def write_atomically(path: Path, data: bytes) -> None:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # on disk before the rename makes it the file
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
