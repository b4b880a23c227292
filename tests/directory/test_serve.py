"""`embassies serve` for real: migrates a fresh data folder, serves pages and static files
(`--no-load`: the shipped data stays out, tests/bundled/test_load.py loads it)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.http import free_port

EMBASSIES = Path(sys.executable).with_name("embassies")


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
