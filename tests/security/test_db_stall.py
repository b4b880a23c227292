"""A PostgreSQL that stops answering on connections already open: /readyz still says 503
within about two seconds, and the web's statements are cancelled after
EMBASSIES_DB_STATEMENT_TIMEOUT_MS instead of holding their threads (embassies/ops/health.py,
the serve command's limit_statements)."""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from embassies.directory.models import Mission
from embassies.ops.server import limit_statements
from tests.faults.servers import base_env, fetch, private_postgres, served

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a PostgreSQL fault: runs when the suite runs on PostgreSQL",
)


def _conninfo(options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Keyword arguments for psycopg.connect to the test database, with libpq `options`."""
    params = connection.get_connection_params()
    return {**params, **(options or {}), "autocommit": True}


@contextmanager
def table_locked(table: str) -> Iterator[None]:
    """Another session holds ACCESS EXCLUSIVE on `table`, as a long migration would."""
    with psycopg.connect(**_conninfo()) as holder:
        holder.execute("BEGIN")
        holder.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")


@pytest.mark.django_db
def test_readyz_answers_503_within_seconds_behind_a_locked_table(client: Client) -> None:
    assert client.get("/readyz").status_code == 200
    with table_locked(Mission._meta.db_table):
        started = time.monotonic()
        answer = client.get("/readyz")
        seconds = time.monotonic() - started
    assert answer.status_code == 503
    assert answer.json()["checks"]["database"].startswith("error"), answer.json()
    assert seconds < 3, f"/readyz took {seconds:.1f} s"
    assert client.get("/readyz").status_code == 200, "ready again once the lock is gone"


@pytest.mark.django_db
def test_a_web_statement_over_the_timeout_is_cancelled(settings: Any) -> None:
    settings.DATABASES = copy.deepcopy(settings.DATABASES)
    limit_statements(500)
    options = settings.DATABASES["default"]["OPTIONS"]["options"]
    assert "-c statement_timeout=500" in options
    with psycopg.connect(**_conninfo({"options": options})) as web:
        started = time.monotonic()
        with pytest.raises(psycopg.errors.QueryCanceled):
            web.execute("SELECT pg_sleep(5)")
        assert time.monotonic() - started < 2
        assert web.execute("SELECT 1").fetchone() == (1,), "the connection is still usable"


def test_every_connection_carries_keepalives_and_a_user_timeout() -> None:
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["keepalives"] == 1 and options["tcp_user_timeout"] > 0
    with psycopg.connect(**_conninfo()) as db:
        assert db.info.get_parameters()["keepalives"] == "1"


def _postgres_pids(data: Path) -> list[int]:
    """The postmaster (first line of postmaster.pid) and every process it started."""
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True)
    return [postmaster, *map(int, children.stdout.split())]


def test_readyz_answers_503_within_seconds_when_the_server_is_frozen(tmp_path: Path) -> None:
    """The attacker's case: every PostgreSQL process stopped (SIGSTOP, a paused container). The
    kernel still accepts and acknowledges, so only a deadline of the app's own can answer."""
    with private_postgres() as pg:
        env = base_env(tmp_path, DATABASE_URL=pg.url)
        with served(env, workers=1, ready_path="/readyz") as server:
            assert fetch(server.base + "/readyz").status == 200  # its connections are open
            pids = _postgres_pids(pg.data)
            for pid in pids:
                os.kill(pid, signal.SIGSTOP)
            try:
                answers = [fetch(server.base + "/readyz", timeout=15) for _ in range(3)]
            finally:
                for pid in pids:
                    os.kill(pid, signal.SIGCONT)
            assert [a.status for a in answers] == [503] * 3
            assert max(a.seconds for a in answers) < 3, [a.seconds for a in answers]
            deadline = time.monotonic() + 30
            while fetch(server.base + "/readyz").status != 200:
                assert time.monotonic() < deadline, "ready again once the server runs"
                time.sleep(0.5)
