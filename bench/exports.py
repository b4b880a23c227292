"""Full exports of the real snapshot in each format, on SQLite and PostgreSQL: time and memory.

Prints figures and asserts nothing. Target: peak memory of a full export < 100 MB.
`python -m bench.exports [sqlite|postgresql ...]`. Each format is measured in a fresh process,
since ru_maxrss is a process's high-water mark: the delta is over a warmed-up baseline.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
import tracemalloc
from io import StringIO
from pathlib import Path

from bench.run import SNAPSHOT, bench_environment, timed

FORMATS = ("csv", "geojson", "jsonl")
MB = 1024 * 1024


def measure(fmt: str, folder: Path) -> dict[str, float]:
    """In this process: one untraced export for time and RSS, one traced for Python's peak."""
    import django
    from django.core.management import call_command

    django.setup()
    quiet = StringIO()
    target = str(folder / f"missions.{fmt}")
    call_command("export", "--format", fmt, target, "--host", "LU", stderr=quiet)  # warm-up
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    call_command("export", "--format", fmt, target, stderr=quiet)
    seconds = time.perf_counter() - start
    rss_delta = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024
    tracemalloc.start()
    call_command("export", "--format", fmt, target, stderr=quiet)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = Path(target).stat().st_size
    return {"seconds": seconds, "rss_delta": rss_delta, "peak": peak, "size": size}


def report(fmt: str, env: dict[str, str], folder: Path) -> None:
    args = [sys.executable, "-m", "bench.exports", "--measure", fmt, str(folder)]
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
    r = json.loads(out.splitlines()[-1])
    print(
        f"  {fmt}: {r['seconds']:.1f} s, {r['size'] / MB:.1f} MB written; tracemalloc peak "
        f"{r['peak'] / MB:.1f} MB, ru_maxrss delta {r['rss_delta'] / MB:.1f} MB (target < 100 MB)"
    )


def run(database: str) -> None:
    with bench_environment(database) as (env, data):
        seconds = timed(["import", "wikidata-csv", str(SNAPSHOT)], env)
        print(f"  (imported {SNAPSHOT.name} in {seconds:.1f} s)")
        for fmt in FORMATS:
            report(fmt, env, data)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]))))
    else:
        for name in sys.argv[1:] or ["sqlite", "postgresql"]:
            run(name)
