"""Ctrl-C in the middle of an import leaves the previous data exactly as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SNAPSHOT

EMBASSIES = str(Path(sys.executable).parent / "embassies")


def run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run([EMBASSIES, *args], env=env, check=True, capture_output=True, timeout=300)


def snapshot_of(database: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT wikidata, city, status, updated_at FROM directory_mission ORDER BY wikidata"
        ).fetchall()


@pytest.mark.snapshot
def test_interrupted_import_leaves_previous_data_intact(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"EMBASSIES_DATA_DIR": str(tmp_path)}
    small = tmp_path / "small.csv"
    small.write_text("\n".join(SNAPSHOT.read_text(encoding="utf-8").splitlines()[:41]) + "\n")
    run(["import", "wikidata-csv", str(small)], env)  # a fresh install: import migrates first
    before = snapshot_of(tmp_path / "embassies.sqlite3")
    assert len(before) == 40

    full = subprocess.Popen(
        [EMBASSIES, "import", "wikidata-csv", str(SNAPSHOT)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert full.stderr is not None
    while "writing" not in (line := full.stderr.readline()):
        assert line, "the import ended before it started writing"
    time.sleep(0.3)  # well inside the transaction
    full.send_signal(signal.SIGINT)
    assert full.wait(timeout=120) != 0
    assert snapshot_of(tmp_path / "embassies.sqlite3") == before
