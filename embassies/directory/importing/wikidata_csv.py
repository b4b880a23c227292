"""Read the Wikidata CSV snapshot format, refusing a malformed file before anything is written.

The file is streamed twice: once to check it whole (format, size, row count, well-formed CSV)
while keeping nothing, then to build its rows; a file over the limits (lib/csvfile) is thus
refused in constant memory, and an accepted one costs at most EMBASSIES_IMPORT_MAX_ROWS rows.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from embassies.directory.importing.records import COLUMNS, OPTIONAL_COLUMNS
from embassies.lib.csvfile import BadFile, not_utf8, open_bytes, open_text, records, some_rows

Row = tuple[int, dict[str, str]]


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's content, uncompressed when it is gzip (the shipped snapshot is), bounded by
    EMBASSIES_IMPORT_MAX_BYTES (or `limit`, when smaller)."""
    with open_bytes(path, limit) as data:
        return data.read()


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); BadFile names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadFile(not_utf8(path, (data[error.start], error.start))) from None


def _check_header(path: Path, header_line: str) -> list[str]:
    header = [name.strip() for name in header_line.split(";")]
    missing = [name for name in COLUMNS if name not in header]
    if not missing:
        return header
    for delimiter, label in ((",", "comma"), ("\t", "tab")):
        if len(header_line.split(delimiter)) >= len(COLUMNS) // 2:
            raise BadFile(f"{path}: columns are separated by {label}s; this format uses ';'")
    raise BadFile(f"{path}: missing columns: {', '.join(missing)}")


def read_rows(path: str | Path) -> list[Row]:
    """All data rows as (line number, row) pairs; raises BadFile for a file in the wrong format."""
    path = Path(path)
    if not path.is_file():
        raise BadFile(f"{path}: no such file")
    with open_text(path) as text:
        for _ in _rows(path, text):
            pass  # the whole file checked, nothing kept: a hostile one fails here, cheaply
    with open_text(path) as text:
        return some_rows(list(_rows(path, text)), path)


def _rows(path: Path, text: TextIO) -> Iterator[Row]:
    first = text.readline()
    if not first.strip() and not any(line.strip() for line in text):
        raise BadFile(f"{path}: the file is empty")
    header = _check_header(path, first.rstrip("\r\n"))
    reader = csv.reader(itertools.chain([first], text), delimiter=";", strict=True)
    lines = records(reader, path, header=True)
    next(lines)
    for values in lines:
        if not any(v.strip() for v in values):
            continue
        row = dict(zip(header, values, strict=False))
        # A short row would silently lose its last columns: mark it so it is rejected with a reason.
        if len(values) < len(COLUMNS):
            row["__error__"] = f"row has {len(values)} fields, expected {len(COLUMNS)}"
        kept = (*COLUMNS, *OPTIONAL_COLUMNS, "__error__")
        yield reader.line_num, {name: row.get(name, "") for name in kept}
