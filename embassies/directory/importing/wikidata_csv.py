"""Read the Wikidata CSV snapshot format, refusing a malformed file before anything is written."""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from embassies.directory.importing.records import COLUMNS, OPTIONAL_COLUMNS
from embassies.lib.csvfile import BadFile, records, some_rows

Row = tuple[int, dict[str, str]]


# Ten times the shipped snapshot: room to grow, and a ceiling for a compressed bomb.
MAX_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's content, uncompressed when it is gzip (the shipped snapshot is), bounded."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        try:
            data = (gzip.GzipFile(fileobj=raw) if compressed else raw).read(MAX_BYTES + 1)
        except (OSError, EOFError, zlib.error) as error:
            raise BadFile(f"{path}: not a readable gzip file ({error})") from None
    if len(data) > MAX_BYTES:
        raise BadFile(f"{path}: larger than {MAX_BYTES // 2**20} MiB (uncompressed); refused")
    return data


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); BadFile names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadFile(
            f"{path}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8"
        ) from None


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
    text = decode(path, read_bytes(path))
    if not text.strip():
        raise BadFile(f"{path}: the file is empty")
    header = _check_header(path, text.split("\n", 1)[0].rstrip("\r"))
    return some_rows(list(_rows(path, text, header)), path)


def _rows(path: Path, text: str, header: list[str]) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    lines = records(reader, path)
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
