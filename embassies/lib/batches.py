"""One way to cut work into batches (Python 3.11 has no itertools.batched)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")

# Values per `IN (...)` lookup: below SQLite's and PostgreSQL's limits on query parameters.
IN_LOOKUP = 2000


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items in order, the last one shorter: batched("abcde", 2) -> ab cd e."""
    if size < 1:
        raise ValueError("a batch holds at least one item")
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
