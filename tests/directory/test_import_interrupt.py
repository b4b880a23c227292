"""Ctrl-C in the middle of an import leaves the previous data exactly as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import SNAPSHOT, snapshot_lines
from tests.faults.imports import frozen_inside_transaction, write_lock_taken

EMBASSIES = str(Path(sys.executable).parent / "embassies")


def run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run([EMBASSIES, *args], env=env, check=True, capture_output=True, timeout=300)


def as_at_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: the shell starts a command with SIGINT at its default
    and unblocked, whatever the test runner's own state, which a child would inherit."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])


def signal_state(pid: int) -> str:
    """The stopped import's signal masks, to tell a signal it never saw from one it ignored."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return " ".join(line.strip() for line in status if line.startswith(("SigBlk", "SigIgn")))


def missions(database: Path) -> str:
    """How many missions another connection sees: 40 while the import's transaction is open."""
    try:
        with closing(sqlite3.connect(database, timeout=1)) as db:
            return str(db.execute("SELECT count(*) FROM directory_mission").fetchone()[0])
    except sqlite3.OperationalError as error:  # held exclusively: a checkpoint, not a transaction
        return f"unreadable ({error})"


def snapshot_of(database: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database)) as db:
        return db.execute(
            "SELECT wikidata, city, status, updated_at FROM directory_mission ORDER BY wikidata"
        ).fetchall()


@pytest.mark.snapshot
def test_interrupted_import_leaves_previous_data_intact(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"EMBASSIES_DATA_DIR": str(tmp_path)}
    database = tmp_path / "embassies.sqlite3"
    small = tmp_path / "small.csv"
    small.write_text("\n".join(snapshot_lines()[:41]) + "\n", encoding="utf-8")
    run(["migrate", "--verbosity", "0"], env)  # an operator's first step: import never migrates
    run(["import", "wikidata-csv", str(small)], env)
    before = snapshot_of(database)
    assert len(before) == 40

    full = subprocess.Popen(
        [EMBASSIES, "import", "wikidata-csv", str(SNAPSHOT)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_at_a_terminal,
    )
    assert full.stderr is not None
    while "writing" not in (line := full.stderr.readline()):
        assert line, "the import ended before it started writing"
    frozen_inside_transaction(full, lambda: write_lock_taken(database))
    frozen = f"when stopped: {signal_state(full.pid)}, {missions(database)} missions"
    full.send_signal(signal.SIGINT)  # Ctrl-C, delivered as soon as it runs again
    full.send_signal(signal.SIGCONT)
    _, rest = full.communicate(timeout=120)
    assert full.returncode != 0 and "KeyboardInterrupt" in rest, f"{frozen}; {rest[-2000:]}"
    assert snapshot_of(database) == before
