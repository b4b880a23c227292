"""The domain's announcement that data changed, for whoever keeps copies of it (the page cache).

Writers call `countries_changed(codes)` (or `everything_changed()` when any page may show the
change); the names are country codes, or "article:<pk>" for one news article. Within a
transaction the names are collected and `changed` is sent once, after the outermost commit:
deleting a thousand missions makes one announcement, not a thousand. A transaction rolled back
announces nothing; outside a transaction (autocommit) the announcement is sent at once.

Receivers get `countries` (a frozenset of upper-case names) and `everything` (a bool: every
page may be out of date, whatever the names). Model saves and deletes are announced by each
app's `announce.py`; bulk writes (QuerySet.update, bulk_create) call these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

changed = Signal()  # kwargs: countries: frozenset[str], everything: bool

# Registers a callback to run after the commit: a name here so that tests, whose own
# transaction never commits, can have it run at once.
on_commit = transaction.on_commit


class _Batch:
    """The names one transaction changed; sent once, when its callback runs after the commit."""

    def __init__(self) -> None:
        self.countries: set[str] = set()
        self.everything = False
        self.sent = False

    def add(self, codes: Iterable[str] | None) -> None:
        if codes is None:
            self.everything = True
        else:
            self.countries.update(c.upper() for c in codes if c)

    def __call__(self) -> None:
        self.sent = True
        changed.send(_Batch, countries=frozenset(self.countries), everything=self.everything)


def countries_changed(codes: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> None:
    """Data about these countries changed (codes; "article:<pk>" for an article)."""
    announce(codes, using)


def everything_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Data any page may show changed (a country's name, a whole import)."""
    announce(None, using)


def announce_rows(
    model: type[models.Model], codes_of: Callable[[Any], Iterable[str] | None]
) -> None:
    """Announce `codes_of(row)` (None: everything) for each row of `model` saved or deleted."""

    def receiver(sender: Any, instance: Any, using: str = DEFAULT_DB_ALIAS, **kw: Any) -> None:
        announce(codes_of(instance), using)

    uid = f"changes:{model._meta.label}"
    post_save.connect(receiver, model, weak=False, dispatch_uid=uid)
    post_delete.connect(receiver, model, weak=False, dispatch_uid=uid)


def announce(codes: Iterable[str] | None, using: str = DEFAULT_DB_ALIAS) -> None:
    """countries_changed(codes), or everything_changed() when codes is None."""
    connection = transaction.get_connection(using)
    batch = _open_batch(connection) if connection.in_atomic_block else None
    if batch is None:
        batch = _Batch()
        batch.add(codes)
        on_commit(batch, using=using)  # in autocommit: runs at once
    else:
        batch.add(codes)


def _open_batch(connection: Any) -> _Batch | None:
    """The batch this transaction already registered, if it still stands. One registered in
    a savepoint since rolled back is gone from run_on_commit; one still there is dropped only
    by rolling back a savepoint that also holds the change being added, so adding is safe."""
    for _, func, _ in reversed(connection.run_on_commit):
        if isinstance(func, _Batch) and not func.sent:  # sent: a test ran it, uncommitted
            return func
    return None
