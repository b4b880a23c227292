"""Generation numbers that every process of the site reads: one per name, in the cache alias
"generations" (Redis, or files beside the database), so that a copy kept by one process (a
cached page, the search snapshot) can tell that another process changed the data since.

A number is never incremented, only replaced by the clock's (time.time_ns()): two bumps at once
cannot both write the same number, and a number lost from the cache comes back as a fresh one,
which no copy kept before can match.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import caches

PREFIX = "generation:"


class Recent:
    """The numbers this process read lately, so that a reader need not ask the shared cache
    again: each is trusted for settings.PAGE_RECHECK_MS, so another process's bump shows here
    within that time; this process's own bumps show at once (`forget`). A read that overlapped
    a forget is not kept, lest it bring back the old number."""

    def __init__(self) -> None:
        self.read_at: dict[str, tuple[int, float]] = {}
        self._counter = itertools.count(1)  # next() is atomic: threads may forget at once
        self.forgets = 0  # changes with each forget(): a read keeps its numbers only if none ran

    def get(self, names: Iterable[str], within: float) -> dict[str, int] | None:
        oldest = time.monotonic() - within
        found = {}
        for name in names:
            known = self.read_at.get(name)
            if known is None or known[1] < oldest:
                return None
            found[name] = known[0]
        return found

    def keep(self, numbers: dict[str, int], since: int, read_at: float) -> None:
        if self.forgets == since:
            self.read_at |= {name: (number, read_at) for name, number in numbers.items()}

    def forget(self, names: Iterable[str] | None = None) -> None:
        """Numbers this process must read again (None: all of them)."""
        self.forgets = next(self._counter)
        for name in list(self.read_at) if names is None else names:
            self.read_at.pop(name, None)


recent = Recent()


def read(names: Iterable[str], *, recheck: bool = False) -> dict[str, int]:
    """The current number of each name; a name the shared cache cannot answer for (it is
    unreachable) is left out, and whoever keeps a copy must then not trust it. A missing
    number starts at a fresh one. Numbers read within PAGE_RECHECK_MS come from this
    process's memory unless `recheck` is asked."""
    names = list(names)
    within = settings.PAGE_RECHECK_MS / 1000
    if within and not recheck:
        known = recent.get(names, within)
        if known is not None:
            return known
    since, read_at = recent.forgets, time.monotonic()
    keys = {PREFIX + name: name for name in names}
    shared = caches["generations"]
    found = shared.get_many(list(keys))
    missing = [key for key in keys if key not in found]
    for key in missing:
        shared.add(key, time.time_ns(), timeout=None)
    if missing:  # another process may have added its own number first: read what won
        found |= shared.get_many(missing)
    numbers = {keys[key]: int(value) for key, value in found.items()}
    if within:
        recent.keep(numbers, since, read_at)
    return numbers


def current(name: str) -> int | None:
    """The number of `name` now, asked of the shared cache; None when it cannot say."""
    return read([name], recheck=True).get(name)


def bump(*names: str, also: dict[str, float] | None = None) -> None:
    """Everything kept under these names is out of date, in every process, from now on: one
    write to the shared cache, with `also` (other keys written beside them)."""
    numbers: dict[str, float] = {PREFIX + name: time.time_ns() for name in names}
    try:
        caches["generations"].set_many(numbers | (also or {}), timeout=None)
    finally:
        recent.forget(names)  # after the writes: a read made meanwhile is not kept
