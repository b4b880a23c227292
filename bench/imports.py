"""The snapshot's import on a fresh data folder, with `migrate` timed apart from the import.

Prints figures and asserts nothing. Targets: first import < 20 s, no-change re-import < 5 s
(each without the migrate a fresh install runs first). Wall time is shown with the CPU time
of the process (user + system), which a busy machine inflates far less.
`python -m bench.imports [sqlite|postgresql ...]`.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from bench.run import EMBASSIES, SNAPSHOT, bench_environment


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one `embassies` command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([EMBASSIES, *args], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def run(database: str) -> None:
    with bench_environment(database, migrated=False) as (env, _):  # migrating is timed
        steps = [
            ("migrate on a fresh database", ["migrate", "--verbosity", "0"], ""),
            (f"first import of {SNAPSHOT.name}", ["import", "wikidata-csv", str(SNAPSHOT)], "20"),
            ("no-change re-import", ["import", "wikidata-csv", str(SNAPSHOT)], "5"),
        ]
        for name, args, target in steps:
            wall, cpu = timed(args, env)
            goal = f" (target < {target} s)" if target else ""
            print(f"  {name}: {wall:.1f} s, CPU {cpu:.1f} s{goal}")


if __name__ == "__main__":
    for name in sys.argv[1:] or ["sqlite", "postgresql"]:
        run(name)
