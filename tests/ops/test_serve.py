"""`embassies serve` for real: on a fresh data folder migrated by `embassies migrate`, serves
pages and static files (`--no-load`: the shipped data stays out, tests/bundled/test_load.py
loads it). Unmigrated, it refuses, as `import` and `sync` do: no command migrates by itself."""

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


@pytest.mark.parametrize(
    "command",
    [
        ["serve", "--no-load"],
        ["import", "shipped"],
        ["import", "wikidata-csv", "missions.csv"],
        ["sync", "wikidata", "--only", "CA"],
    ],
)
def test_commands_refuse_an_unmigrated_database(command: list[str], tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["EMBASSIES_DATA_DIR"] = str(tmp_path)
    (tmp_path / "missions.csv").write_text("QID\n", encoding="utf-8")
    done = subprocess.run(
        [str(EMBASSIES), *command],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [REFUSAL]
    assert not _tables(tmp_path / "embassies.sqlite3"), "nothing was migrated"


def _tables(database: Path) -> list[str]:
    if not database.exists():
        return []
    with closing(sqlite3.connect(database)) as db:
        return [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]


def test_serve_is_an_operations_command() -> None:
    from django.core.management import get_commands

    assert get_commands()["serve"] == "embassies.ops"
