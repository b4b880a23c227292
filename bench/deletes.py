"""Deleting 1,000 missions in one transaction, with and without the page cache listening.

Each deleted row (mission, status fact) announces its countries; the announcements of one
transaction are sent once after the commit (embassies/lib/changes.py), so the page cache's
share should be one write, not two per row. Prints figures and asserts nothing. SQLite, a
fresh data folder, the first missions of the shipped snapshot. `python -m bench.deletes [N]`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time

import django


def _import(count: int) -> int:
    """Import snapshot rows until `count` missions exist; returns how many do."""
    from embassies.bundled import snapshot
    from embassies.directory.importing.apply import apply
    from embassies.directory.importing.prepare import prepare
    from embassies.directory.importing.wikidata_csv import read_rows
    from embassies.directory.models import Mission

    rows = read_rows(snapshot())
    apply(prepare(rows[: count * 2]), "wikidata", "bench", allow_mass_close=True)
    keep = list(Mission.objects.order_by("pk").values_list("pk", flat=True)[:count])
    Mission.objects.exclude(pk__in=keep).delete()
    return len(keep)


def _delete_all() -> float:
    from django.db import transaction

    from embassies.directory.models import Mission

    started = time.perf_counter()
    with transaction.atomic():
        Mission.objects.all().delete()
    return time.perf_counter() - started


def main(count: int) -> None:
    data = tempfile.mkdtemp(prefix="embassies-bench-")
    os.environ |= {"EMBASSIES_DATA_DIR": data, "DJANGO_SETTINGS_MODULE": "embassies.settings"}
    os.environ.pop("DATABASE_URL", None)
    try:
        django.setup()
        from django.core.management import call_command

        from embassies.lib.changes import changed
        from embassies.web import invalidate

        call_command("migrate", verbosity=0)
        made = _import(count)
        print(f"deleting {made} missions in one transaction (SQLite):")
        print(f"  with the page cache listening: {_delete_all():.2f} s")
        changed.disconnect(dispatch_uid="web.cache")
        _import(count)
        print(f"  without it: {_delete_all():.2f} s")
        invalidate.connect()
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
