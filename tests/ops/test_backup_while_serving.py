"""A SQLite backup taken while the site serves reads is complete and restores elsewhere."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from tests.conftest import snapshot_lines
from tests.ops.conftest import Server, clean_env, run


def _missions(data: Path) -> tuple[int, str]:
    done = run(["export", "--format", "jsonl", "-"], clean_env(data))
    assert done.returncode == 0, done.stderr
    lines = sorted(done.stdout.splitlines())
    return len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()


def test_backup_during_reads_restores_the_same_missions(served: Server, tmp_path: Path) -> None:
    data = served.log.parent
    sample = tmp_path / "sample.csv"
    sample.write_text("\n".join(snapshot_lines()[:400]) + "\n", encoding="utf-8")
    assert run(["import", "wikidata-csv", str(sample)], clean_env(data)).returncode == 0
    expected = _missions(data)
    assert expected[0] > 300

    statuses: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            statuses.append(served.get("/api/v1/missions?limit=100").status)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        backup = tmp_path / "site.backup"
        done = run(["backup", str(backup)], clean_env(data))
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert done.returncode == 0, done.stderr
    assert statuses and set(statuses) == {200}, "the site kept answering during the backup"

    elsewhere = tmp_path / "restored"
    elsewhere.mkdir()
    assert run(["migrate", "-v0"], clean_env(elsewhere)).returncode == 0
    restored = run(["restore", str(backup)], clean_env(elsewhere))
    assert restored.returncode == 0, restored.stderr
    assert _missions(elsewhere) == expected
