"""Which cached pages a change puts out of date: the countries the domain announces, once per
transaction after it commits (embassies/lib/changes.py), bumped in one write (see cache.py).

Connected in WebConfig.ready().
"""

from __future__ import annotations

from typing import Any

from embassies.lib.changes import changed
from embassies.web.cache import bump


def _changed(sender: Any, countries: frozenset[str], everything: bool, **kwargs: Any) -> None:
    bump(None if everything else countries)


def connect() -> None:
    changed.connect(_changed, dispatch_uid="web.cache")
