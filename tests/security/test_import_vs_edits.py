"""Editors' writes while an import runs: never answered 200 and then overwritten.

PostgreSQL: a real import runs in a thread, paused by a lock a second connection holds (a row
it must write, or the table of import runs), and an editor's PATCH arrives in that window.
SQLite: a real import process, frozen inside its write transaction; a PATCH then is refused
with "an import is running", not "the database is unavailable".
"""

from __future__ import annotations

import json
import signal
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client

from tests.conftest import SNAPSHOT, snapshot_lines
from tests.faults.imports import (
    frozen_inside_transaction,
    run_import,
    small_snapshot,
    start_import,
    write_lock_taken,
)
from tests.faults.servers import EMBASSIES, base_env, served

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
IMPORT_RUNNING = "An import is running; try again in a minute."
ROWS = 1200  # three batches of the import's writes: the pause and the edit fall in different ones
ADDRESS_COLUMN = 8


def versions(folder: Path) -> tuple[Path, Path]:
    """The first ROWS of the snapshot with every address changed ("before"), and as shipped."""
    header, *rows = snapshot_lines()[: ROWS + 1]
    before = [header]
    for number, line in enumerate(rows):
        cells = line.split(";")
        cells[ADDRESS_COLUMN] = f"Old address {number}"
        before.append(";".join(cells))
    old, new = folder / "before.csv", folder / "after.csv"
    old.write_text("\n".join(before) + "\n", encoding="utf-8")
    new.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return old, new


def import_file(path: Path) -> None:
    from embassies.directory.importing.apply import apply, known_rows
    from embassies.directory.importing.prepare import prepare
    from embassies.directory.importing.wikidata_csv import read_rows

    apply(prepare(read_rows(path), known_rows("wikidata")), "wikidata", str(path))


def in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    """`work` in a thread of its own (with its own database connection), its result kept."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = work()
        except BaseException as error:  # reported by the test, not lost in the thread
            out["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_until_blocked(worker: threading.Thread, seconds: float = 300) -> None:
    """Until some session of this database waits for a lock (the import, on ours)."""
    import psycopg

    deadline = time.monotonic() + seconds
    with psycopg.connect(database_url(), autocommit=True) as db:
        while time.monotonic() < deadline and worker.is_alive():
            waiting = db.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            ).fetchone()
            if waiting and waiting[0]:
                return
            time.sleep(0.05)
    pytest.fail("the import never waited for the lock held by the test")


def patch_address(client: Client, token: str, qid: str, address: str) -> Any:
    return client.patch(
        f"/api/v1/missions/{qid}",
        json.dumps({"address": address}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def real_address(new: Path, qid: str) -> str:
    """The address the import of `new` brings for `qid`, as its records hold it."""
    from embassies.directory.importing.prepare import prepare
    from embassies.directory.importing.wikidata_csv import read_rows

    return next(r.address for r in prepare(read_rows(new)).records if r.wikidata == qid)


def pick(new: Path) -> tuple[Any, Any]:
    """The first mission the import writes (paused on it), and a later one with an address."""
    from embassies.directory.importing.prepare import prepare
    from embassies.directory.importing.wikidata_csv import read_rows
    from embassies.directory.models import Mission

    addressed = {r.wikidata for r in prepare(read_rows(new)).records if r.address}
    ordered = list(Mission.objects.order_by("pk"))
    later = next(m for m in ordered[700:] if m.wikidata in addressed)
    return ordered[0], later


pg_only = pytest.mark.skipif(
    not ON_POSTGRES, reason="row locks: runs when the suite is on PostgreSQL"
)
# Committed rows, as the import's thread and the test's second connection see them.
committed = pytest.mark.django_db(transaction=True)


@pg_only
@committed
@pytest.mark.snapshot
def test_edit_made_while_an_import_is_paused_survives(tmp_path: Path) -> None:
    import psycopg

    from embassies.api.models import ApiToken
    from embassies.directory.models import FieldConflict, Mission

    old, new = versions(tmp_path)
    import_file(old)
    first, edited = pick(new)
    token = ApiToken.issue("newsroom-bot")[1]
    with psycopg.connect(database_url()) as holder:  # a transaction of its own, open
        holder.execute("SELECT 1 FROM directory_mission WHERE id = %s FOR UPDATE", [first.pk])
        thread, out = in_thread(lambda: import_file(new))
        wait_until_blocked(thread)  # it has read every mission, and waits to write the first
        answer = patch_address(Client(), token, edited.wikidata, "Editor's address 1")
        assert answer.status_code == 200, answer.content
        holder.rollback()
    thread.join(300)
    assert not thread.is_alive() and "error" not in out, out
    edited.refresh_from_db()
    assert edited.address == "Editor's address 1"  # answered 200, so still there
    assert edited.sources["address"] == "editor:api:newsroom-bot"
    conflict = FieldConflict.objects.get(mission=edited, field="address", source="wikidata")
    assert conflict.source_value == real_address(new, edited.wikidata)
    assert conflict.current_value == "Editor's address 1"
    assert Mission.objects.get(pk=first.pk).address == real_address(new, first.wikidata)


@pg_only
@committed
@pytest.mark.snapshot
def test_edit_waiting_for_an_import_is_answered_in_bounded_time(tmp_path: Path) -> None:
    import psycopg

    from embassies.api.models import ApiToken
    from embassies.directory.models import Mission

    old, new = versions(tmp_path)
    import_file(old)
    _, edited = pick(new)
    token = ApiToken.issue("newsroom-bot")[1]
    with psycopg.connect(database_url()) as holder:
        # The import's last write is its ImportRun: paused there, it holds its rows' locks.
        holder.execute("LOCK TABLE directory_importrun IN EXCLUSIVE MODE")
        importing, imported = in_thread(lambda: import_file(new))
        wait_until_blocked(importing)
        started = time.monotonic()
        editing, edit = in_thread(
            lambda: patch_address(Client(), token, edited.wikidata, "Editor's address 2")
        )
        editing.join(30)
        seconds = time.monotonic() - started
        holder.rollback()  # let the import (and a PATCH still waiting) go on
    editing.join(60)
    importing.join(300)
    assert "error" not in imported, imported
    assert seconds < 30, "the editor's write waited for the whole import"
    answer = edit["result"]
    assert answer.status_code == 503, answer.content
    assert answer.json()["error"]["message"] == IMPORT_RUNNING
    assert answer["Retry-After"] == "60"
    edited.refresh_from_db()
    assert edited.address == real_address(new, edited.wikidata)  # refused, so nothing lost
    assert Mission.objects.filter(sources__address__startswith="editor").count() == 0


def create_token(env: dict[str, str]) -> str:
    import subprocess

    made = subprocess.run(
        [EMBASSIES, "apitoken", "create", "newsroom-bot"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return made.stdout.strip().split()[-1]


def http_patch(url: str, token: str, body: dict[str, str]) -> tuple[int, dict[str, Any], str]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="PATCH",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read()), ""
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), error.headers.get("Retry-After", "")


@pytest.mark.snapshot
@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's write lock: runs when the suite is on SQLite")
def test_sqlite_write_during_an_import_says_an_import_is_running(tmp_path: Path) -> None:
    env = base_env(tmp_path)
    database = tmp_path / "embassies.sqlite3"
    assert run_import(small_snapshot(tmp_path), env).returncode == 0
    qid = snapshot_lines()[1].rstrip(";").rsplit("/", 1)[1]
    token = create_token(env)
    with served(env, workers=1) as server:
        process = start_import(SNAPSHOT, env)
        try:
            frozen_inside_transaction(process, lambda: write_lock_taken(database))
            started = time.monotonic()
            url = f"{server.base}/api/v1/missions/{qid}"
            status, body, retry_after = http_patch(url, token, {"address": "Editor's address"})
            seconds = time.monotonic() - started
        finally:
            process.send_signal(signal.SIGCONT)
        assert process.wait(timeout=600) == 0
    assert status == 503, body
    assert body["error"]["message"] == IMPORT_RUNNING
    assert retry_after == "60"
    assert seconds < 30  # SQLite's busy_timeout (10 s), not the whole import


@pytest.mark.django_db
@pytest.mark.parametrize("running", [True, False])
def test_a_page_write_that_timed_out_names_the_running_import(running: bool) -> None:
    """The admin's and the forms' writes (HTML): the same answer as the API's."""
    from contextlib import nullcontext

    from django.db import OperationalError
    from django.test import RequestFactory

    from embassies.directory.importing.running import import_lock
    from embassies.web.unavailable import database_unavailable

    request = RequestFactory().post("/admin/directory/mission/1/change/")
    with import_lock() if running else nullcontext():
        answer = database_unavailable(request, OperationalError("database is locked"))
    assert answer.status_code == 503
    assert (IMPORT_RUNNING in answer.content.decode()) is running
    assert answer["Retry-After"] == ("60" if running else "30")
