"""Keep the search document, the full-text index and the in-memory snapshot in step.

A mission saved one at a time (admin, corrections) gets its document recomputed; after every
migrate the full-text index is checked (SQLite drops triggers when Django rebuilds a table);
every change the domain announces (after its commit) ends the snapshot's generation, in every
process (index.py).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_migrate, pre_save

from embassies.directory.models import Mission
from embassies.directory.search import index
from embassies.directory.search.document import build_search_document
from embassies.directory.search.schema import ensure_after_migrate
from embassies.lib.changes import changed


def _fill_document(sender: type[Mission], instance: Mission, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    if fields is None or "search_document" in fields:
        instance.search_document = build_search_document(instance)


def connect() -> None:
    pre_save.connect(_fill_document, sender=Mission, dispatch_uid="search_document")
    directory = apps.get_app_config("directory")
    post_migrate.connect(ensure_after_migrate, sender=directory, dispatch_uid="search_fulltext")
    changed.connect(index.data_changed, dispatch_uid="search_snapshot")
