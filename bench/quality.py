"""The data-quality report on the real snapshot, on SQLite and PostgreSQL: time and queries.

Prints figures and asserts nothing. Target: the whole report in < 1 s once the gazetteer is
loaded. `python -m bench.quality [sqlite|postgresql ...]` (both by default). The report is
measured in a fresh process: its first run pays for loading the gazetteer, later ones do not.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from bench.run import EMBASSIES, SNAPSHOT, bench_environment, timed

RUNS = 5


def measure() -> dict[str, float]:
    """In this process: a cold report, warm ones, one country, and the queries each ran."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from embassies.directory.models import Mission
    from embassies.directory.quality import build_report

    start = time.perf_counter()
    build_report()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            report = build_report()
        warm.append(time.perf_counter() - start)
    start = time.perf_counter()
    build_report("US")
    one = time.perf_counter() - start
    return {
        "missions": Mission.objects.count(),
        "problems": sum(c.count for c in report.checks),
        "cold": cold,
        "warm_median": statistics.median(warm),
        "warm_max": max(warm),
        "queries": len(queries.captured_queries),
        "country": one,
    }


def run(database: str) -> None:
    with bench_environment(database) as (env, _):
        seconds = timed(["import", "wikidata-csv", str(SNAPSHOT)], env)
        print(f"  (imported {SNAPSHOT.name} in {seconds:.1f} s)")
        args = [sys.executable, "-m", "bench.quality", "--measure"]
        out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.splitlines()[-1])
        print(
            f"  report on {r['missions']:,} missions ({r['problems']:,} problems): first "
            f"{r['cold']:.2f} s (loads the gazetteer), then median {r['warm_median']:.2f} s, "
            f"max {r['warm_max']:.2f} s over {RUNS} runs, {r['queries']} queries (target < 1 s)"
        )
        print(f"  report for one country (US): {r['country'] * 1000:.0f} ms")
        command = timed(["quality", "--json"], env)
        print(f"  `{EMBASSIES.rsplit('/', 1)[-1]} quality --json`, a new process: {command:.1f} s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure()))
    else:
        for name in sys.argv[1:] or ["sqlite", "postgresql"]:
            run(name)
