"""Reading the CSV files people hand to the importers: a bad file is refused in one line.

The csv module reads an unterminated quote to the end of the file as one field, silently
merging every row after it, unless the reader is strict; and it raises csv.Error, which is
no ValueError, so the commands would print a traceback. Every importer reads through here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, TypeVar

T = TypeVar("T", covariant=True)
R = TypeVar("R")


class BadFile(ValueError):
    """The whole file is unusable; the message says why in one line."""


class Reader(Protocol[T]):
    """A csv.reader or csv.DictReader: records, and the line the last one ended on."""

    @property
    def line_num(self) -> int: ...

    def __next__(self) -> T: ...


def records(reader: Reader[T], path: str | Path) -> Iterator[T]:
    """The reader's records; BadFile names the line where the CSV stops making sense.

    Make the reader with strict=True, so that a quote left open is an error, not a row."""
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
