"""`embassies serve` for real: on a fresh data folder migrated by `embassies migrate`, serves
pages and static files (`--no-load`: the shipped data stays out, tests/bundled/test_load.py
loads it). On a database that is behind it refuses, as `import` and `sync` do: no command
upgrades a database by itself; a brand-new one gets its schema from the first command."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import snapshot_lines
from tests.helpers import EMBASSIES, free_port, migrate

REFUSAL = "CommandError: the database is not up to date: run `embassies migrate` first"


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"serve exited early: {server.stderr.read() if server.stderr else ''}")
        try:
            return _get(url)[1]
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"nothing answered at {url}")


@pytest.fixture
def server(tmp_path: Path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["EMBASSIES_DATA_DIR"] = str(tmp_path)
    migrate(env)
    process = subprocess.Popen(
        [str(EMBASSIES), "serve", "--port", str(port), "--workers", "1", "--no-load"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so the test can stop the server's workers with its master
    )
    try:
        yield process, f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


def test_serves_pages_and_static_files_on_an_empty_database(server, tmp_path: Path) -> None:
    process, base = server
    html = _wait_for(f"{base}/", process)
    assert "embassies sync wikidata" in html
    css = re.search(r'href="(/static/web/site[^"]*\.css)"', html)
    assert css, "the page links its stylesheet"
    status, body = _get(base + css.group(1))
    assert status == 200 and "box-sizing" in body
    assert (tmp_path / "embassies.sqlite3").exists()
    os.killpg(process.pid, signal.SIGTERM)  # the server stops cleanly on TERM
    _, stderr = process.communicate(timeout=20)
    assert "embassies sync wikidata" in stderr
    assert "embassies import wikidata-csv FILE" in stderr
    assert "embassies import shipped" in stderr


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["EMBASSIES_DATA_DIR"] = str(tmp_path)
    return env


def _run(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EMBASSIES), *command],
        env=_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["serve", "--no-load"],
        ["import", "shipped"],
        ["import", "wikidata-csv", "missions.csv"],
        ["sync", "wikidata", "--only", "CA"],
    ],
)
def test_commands_refuse_a_database_that_is_behind(command: list[str], tmp_path: Path) -> None:
    """An upgrade is the operator's step: a database with a migration pending is refused and
    left as it is."""
    migrate(_env(tmp_path))
    rolled_back = _run(["migrate", "news", "0002", "--verbosity", "0"], tmp_path)
    assert rolled_back.returncode == 0, rolled_back.stderr
    (tmp_path / "missions.csv").write_text("QID\n", encoding="utf-8")
    done = _run(command, tmp_path)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [REFUSAL]
    assert "0003_feed_last_outcome" not in _applied(tmp_path / "embassies.sqlite3", "news")


def test_a_fresh_install_gets_its_schema_from_its_first_import(tmp_path: Path) -> None:
    """The command-line contract: `embassies import wikidata-csv` in a new data folder."""
    (tmp_path / "missions.csv").write_text("\n".join(snapshot_lines()[:3]) + "\n")
    done = _run(["import", "wikidata-csv", "missions.csv"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "added" in done.stdout
    assert "0003_feed_last_outcome" in _applied(tmp_path / "embassies.sqlite3", "news")


def _applied(database: Path, app: str) -> list[str]:
    with closing(sqlite3.connect(database)) as db:
        query = "SELECT name FROM django_migrations WHERE app = ?"
        return [row[0] for row in db.execute(query, (app,))]


def test_serve_is_an_operations_command() -> None:
    from django.core.management import get_commands

    assert get_commands()["serve"] == "embassies.ops"
