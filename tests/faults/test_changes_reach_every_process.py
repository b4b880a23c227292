"""The single-machine set-up (SQLite, no Redis): each server process keeps its own page copies,
yet a change made by another process, here an editor's command, shows on every process's
pages within EMBASSIES_PAGE_RECHECK_MS, because the generation numbers are shared in files."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from tests.faults.imports import run_import, small_snapshot
from tests.faults.servers import EMBASSIES, base_env, fetch, served

PAGE = "/countries/australia/"  # the host of the snapshot's first rows (Canberra)
HEADLINE = "Shelters open in Canberra"
RECHECK_MS = 500


def test_a_command_s_change_reaches_the_pages_of_every_server_process(tmp_path: Path) -> None:
    env = base_env(tmp_path, EMBASSIES_PAGE_RECHECK_MS=str(RECHECK_MS))
    with served(env, workers=2) as server:
        done = run_import(small_snapshot(tmp_path, 5), env)
        assert done.returncode == 0, done.stderr[-3000:]
        before = [fetch(server.base + PAGE) for _ in range(20)]  # both processes keep a copy
        assert all(a.status == 200 and HEADLINE not in a.body for a in before)
        assert any(a.headers.get("X-Page-Cache") == "hit" for a in before)

        added = subprocess.run(
            [EMBASSIES, "alert", "add", "AU", "--headline", HEADLINE],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert added.returncode == 0, added.stderr[-3000:]
        time.sleep(RECHECK_MS / 1000 + 0.3)
        after = [fetch(server.base + PAGE) for _ in range(20)]
        assert all(a.status == 200 and HEADLINE in a.body for a in after), [
            a.headers.get("X-Page-Cache") for a in after
        ]
