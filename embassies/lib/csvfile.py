"""Reading the CSV files people hand to the importers: a bad file is refused in one line.

The csv module reads an unterminated quote to the end of the file as one field, silently
merging every row after it, unless the reader is strict; and it raises csv.Error, which is
no ValueError, so the commands would print a traceback. Every importer reads through here.

A hostile or runaway file must not exhaust memory either: its size is checked before it is
read, its decompressed bytes as they are read, and its rows as they stream by
(EMBASSIES_IMPORT_MAX_BYTES, EMBASSIES_IMPORT_MAX_ROWS; a one-off run can raise them).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol, TextIO, TypeVar

from django.conf import settings

if TYPE_CHECKING:
    from typing_extensions import Buffer

T = TypeVar("T", covariant=True)
R = TypeVar("R")

MAX_BYTES_VARIABLE = "EMBASSIES_IMPORT_MAX_BYTES"
MAX_ROWS_VARIABLE = "EMBASSIES_IMPORT_MAX_ROWS"
GZIP_MAGIC = b"\x1f\x8b"


class BadFile(ValueError):
    """The whole file is unusable; the message says why in one line."""


class Reader(Protocol[T]):
    """A csv.reader or csv.DictReader: records, and the line the last one ended on."""

    @property
    def line_num(self) -> int: ...

    def __next__(self) -> T: ...


def max_bytes() -> int:
    return int(settings.IMPORT_MAX_BYTES)


def max_rows() -> int:
    return int(settings.IMPORT_MAX_ROWS)


def records(reader: Reader[T], path: str | Path, header: bool = False) -> Iterator[T]:
    """The reader's records; BadFile names the line where the CSV stops making sense, or says
    the file has more rows than EMBASSIES_IMPORT_MAX_ROWS (`header`: the first record is the
    header, not counted).

    Make the reader with strict=True, so that a quote left open is an error, not a row."""
    allowed = max_rows() + (1 if header else 0)
    for count, record in enumerate(_parsed(reader, path), start=1):
        if count > allowed:
            raise BadFile(
                f"{path} has more than {allowed - header} rows ({MAX_ROWS_VARIABLE}); "
                "raise the limit to import it"
            )
        yield record


def _parsed(reader: Reader[T], path: str | Path) -> Iterator[T]:
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # A DictReader counts a line once its record is read; its inner reader knows the
            # line that failed.
            line = getattr(reader, "reader", reader).line_num
            raise BadFile(
                f"{path}: malformed CSV at line {line} ({error}): an unterminated "
                f"quote, or a field longer than {csv.field_size_limit()} characters"
            ) from None


def some_rows(rows: list[R], path: str | Path) -> list[R]:
    """The rows, or BadFile when there are none: a file holding only its header is most likely
    a truncated download, and importing it would say that every record is gone."""
    if not rows:
        raise BadFile(f"{path}: no data rows after the header (a truncated file?); refused")
    return rows


class _Bounded(io.RawIOBase):
    """Bytes of `source` (a file, or a gzip stream decompressing it), refused past `limit`."""

    def __init__(self, source: io.BufferedIOBase, path: Path, limit: int, compressed: bool) -> None:
        self.source, self.path, self.limit, self.compressed = source, path, limit, compressed
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Buffer) -> int:
        read = self.source.readinto(buffer)
        self.count += read
        if self.count > self.limit:
            raise too_large(self.path, self.limit, " uncompressed" if self.compressed else "")
        return int(read)


def too_large(path: Path, limit: int, detail: str = "") -> BadFile:
    """The refusal of a file over `limit` bytes: the setting's, or a smaller one of its format's
    that raising the setting would not lift."""
    if limit < max_bytes():
        return BadFile(f"{path} is larger than {limit} bytes{detail}, the most this format allows")
    return BadFile(
        f"{path} is larger than {limit} bytes{detail} ({MAX_BYTES_VARIABLE}); "
        "raise the limit to import it"
    )


def check_size(path: Path, limit: int) -> None:
    """Refuse a file over the limit from its size alone, before a byte of it is read."""
    if path.stat().st_size > limit:
        raise too_large(path, limit)


@contextmanager
def open_bytes(path: Path, limit: int | None = None) -> Iterator[BinaryIO]:
    """The file's bytes as a stream, uncompressed when it is gzip, never more than the limit
    (EMBASSIES_IMPORT_MAX_BYTES unless a format sets a smaller one)."""
    limit = max_bytes() if limit is None else min(limit, max_bytes())
    check_size(path, limit)
    with path.open("rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        source: io.BufferedIOBase = gzip.GzipFile(fileobj=raw) if compressed else raw
        try:
            yield io.BufferedReader(_Bounded(source, path, limit, compressed))
        except (OSError, EOFError, zlib.error) as error:
            if not compressed:
                raise
            raise BadFile(f"{path}: not a readable gzip file ({error})") from None


@contextmanager
def open_text(path: Path, limit: int | None = None) -> Iterator[TextIO]:
    """The file as UTF-8 text (a byte-order mark dropped; newline="" as csv wants), streamed
    through open_bytes; BadFile names the first byte that is not UTF-8."""
    with open_bytes(path, limit) as data:
        try:
            yield io.TextIOWrapper(data, encoding="utf-8-sig", newline="")
        except UnicodeDecodeError:
            raise BadFile(not_utf8(path, _first_bad_byte(path, limit))) from None


def not_utf8(path: Path, bad: tuple[int, int]) -> str:
    byte, offset = bad
    return f"{path}: not UTF-8 (byte 0x{byte:02x} at offset {offset}); save the file as UTF-8"


def _first_bad_byte(path: Path, limit: int | None) -> tuple[int, int]:
    """The first byte that is not UTF-8 and its offset: the text stream decodes by chunks and
    cannot say where in the file it failed, so the file is read again, counting."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with open_bytes(path, limit) as data:
        while True:
            chunk = data.read(64 * 1024)
            try:
                decoder.decode(chunk, final=not chunk)  # final: a sequence cut off at the end
            except UnicodeDecodeError as error:
                held = len(error.object) - len(chunk)  # bytes the decoder held from before
                return error.object[error.start], offset - held + error.start
            if not chunk:
                return 0, offset
            offset += len(chunk)
