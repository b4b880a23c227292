"""The page cache's generation numbers (embassies/lib/generations.py): one per country, one
for "everything" (bumped with every change) and an epoch (bumped when every page is out of
date). A copy keeps the numbers of the countries it shows and is served only while they are
unchanged. The domain announces which countries' data changed, once per transaction after it
commits (embassies/lib/changes.py); `bump` writes their new numbers then, in one write.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import caches

from embassies.db_router import REPLICA
from embassies.lib import generations
from embassies.lib.changes import changed

EVERYTHING = "*"
EPOCH = "epoch"
LAST_CHANGE = "page:last-change"  # when data last changed (read with a replica only)


def unchanged(numbers: dict[str, int]) -> bool:
    """Whether every number a copy kept is still current."""
    return generations.read(numbers) == numbers


def bump(countries: Iterable[str] | None = None) -> None:
    """Copies about these countries (None: every copy) are out of date from now on."""
    names = (
        [EVERYTHING, EPOCH]
        if countries is None
        else [EVERYTHING, *{c.upper() for c in countries if c}]
    )
    lag = {LAST_CHANGE: time.time()} if REPLICA in settings.DATABASES else None
    generations.bump(*names, also=lag)


def replica_may_lag() -> bool:
    """A replica may not have replayed the last change yet: a copy kept must not miss it."""
    if REPLICA not in settings.DATABASES:
        return False
    last = caches["generations"].get(LAST_CHANGE)  # None when unknown: assume it lags
    return last is None or time.time() - last < settings.REPLICA_MAX_LAG


def _on_change(sender: Any, countries: frozenset[str], everything: bool, **kwargs: Any) -> None:
    bump(None if everything else countries)


def listen() -> None:
    """Bump the numbers whenever the domain announces a change (WebConfig.ready)."""
    changed.connect(_on_change, dispatch_uid="web.pagecache")
