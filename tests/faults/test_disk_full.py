"""The SQLite data folder fills up during an import: one clear message, a non-zero exit, an
intact database holding the previous data.

The folder is a real small filesystem (a 6 MB tmpfs) when this process may mount one (root);
otherwise the import runs under RLIMIT_FSIZE, which makes writes past the limit fail the same
way (EFBIG instead of ENOSPC). The test's output says which one it used.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SNAPSHOT
from tests.faults.imports import run_import, small_snapshot, sqlite_integrity, sqlite_rows
from tests.faults.servers import EMBASSIES, base_env

SIZE_MB = 6  # the migrated database with 40 missions takes ~1.3 MB; the full import ~24 MB


def _mount(folder: Path) -> bool:
    if os.geteuid() != 0:
        return False
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE_MB}m", "tmpfs", str(folder)],
        capture_output=True,
    )
    return mounted.returncode == 0


@pytest.fixture
def small_folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "data"
    folder.mkdir()
    if _mount(folder):
        try:
            yield folder, "tmpfs"
        finally:
            if subprocess.run(["umount", str(folder)], capture_output=True).returncode:
                subprocess.run(["umount", "--lazy", str(folder)], check=True)
    else:
        yield folder, "rlimit"


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a dead process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.snapshot
def test_disk_full_during_import(small_folder: tuple[Path, str], tmp_path: Path) -> None:
    folder, how = small_folder
    print(f"small filesystem: {how}")
    env = base_env(folder)
    database = folder / "embassies.sqlite3"
    assert run_import(small_snapshot(tmp_path), env).returncode == 0
    before = sqlite_rows(database)
    assert len(before) == 40

    if how == "tmpfs":
        full = run_import(SNAPSHOT, env)
    else:
        limit = database.stat().st_size + 2 * 1024 * 1024
        full = subprocess.run(
            [EMBASSIES, "import", "wikidata-csv", str(SNAPSHOT)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            preexec_fn=_file_size_limit(limit),
        )
    assert full.returncode != 0
    assert "database or disk is full" in full.stderr
    assert "nothing was changed" in full.stderr
    assert "Traceback" not in full.stderr
    assert sqlite_integrity(database) == "ok"
    assert sqlite_rows(database) == before
