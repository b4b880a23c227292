"""Benchmarks on the real snapshot, on SQLite and on PostgreSQL: import, pages, search, finder.

Prints figures and asserts nothing. Targets: full import < 20 s, no-change re-import < 5 s,
a country page with ~300 missions < 50 ms, search p95 < 20 ms, finder p95 < 30 ms.
`make bench`, or `python -m bench.run [sqlite|postgresql ...]`.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.http import free_port, latency_ms, throughput, wait_for
from embassies.bundled import snapshot

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = snapshot()  # the shipped snapshot: nothing beside the clone is needed
QUERIES = ROOT / "tests" / "search" / "quality_queries.csv"
EMBASSIES = str(Path(sys.executable).parent / "embassies")
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/test"
POSTGRES_BENCH = "postgres://postgres@127.0.0.1:5432/embassies_bench"


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([EMBASSIES, *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def fresh_postgres() -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as db:
        db.execute("DROP DATABASE IF EXISTS embassies_bench")
        db.execute("CREATE DATABASE embassies_bench")


def search_urls(base: str) -> list[str]:
    with QUERIES.open(encoding="utf-8", newline="") as handle:
        queries = [row["query"] for row in csv.DictReader(handle)]
    return [
        f"{base}/api/v1/search?" + urllib.parse.urlencode({"q": q, "limit": 10}) for q in queries
    ]


def finder_urls(base: str, n: int = 150) -> list[str]:
    """Citizen-in-country pairs drawn from the states in the directory (fixed seed)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassies.settings")
    from embassies.countries import reference

    states = sorted(c.code for c in reference.all_countries() if c.is_state)
    pick = random.Random(7)
    pairs = [tuple(pick.sample(states, 2)) for _ in range(n)]
    urls = [f"{base}/api/v1/find?citizen={a}&in={b}" for a, b in pairs]
    return [*urls, f"{base}/api/v1/find?citizen=AU&in=RU&near=43.1155,131.8855"]


def page_urls(base: str) -> dict[str, str]:
    mission = json.load(urllib.request.urlopen(f"{base}/api/v1/missions/Q4374011"))
    us = json.load(urllib.request.urlopen(f"{base}/api/v1/countries/US"))
    return {
        "mission page (Canada in Moscow)": mission["url"],
        f"country page (in the US, {us['missions_hosted']} missions)": us["url"],
        "home page": f"{base}/",
    }


def measure_server(env: dict[str, str]) -> None:
    port = free_port()
    server = subprocess.Popen(
        [EMBASSIES, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/")
        for name, url in page_urls(base).items():
            p50, p95 = latency_ms([url] * 40)
            print(f"  {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, {throughput(url):.0f} req/s")
        searches, finds = search_urls(base), finder_urls(base)
        p50, p95 = latency_ms(searches)
        print(
            f"  search, {len(searches)} queries: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < 20 ms)"
        )
        p50, p95 = latency_ms(finds)
        print(
            f"  finder, {len(finds)} pairs: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < 30 ms)"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def bench_environment(
    database: str, migrated: bool = True
) -> Iterator[tuple[dict[str, str], Path]]:
    """(environment, data folder) for commands on a fresh database of that kind, migrated
    unless `migrated` is False (the first command then builds the schema, timed with it);
    cleaned after."""
    data = Path(tempfile.mkdtemp(prefix="embassies-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"EMBASSIES_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "embassies.settings"}
    if database == "postgresql":
        fresh_postgres()
        env["DATABASE_URL"] = POSTGRES_BENCH
    print(f"{database}:")
    try:
        if migrated:
            timed(["migrate", "--verbosity", "0"], env)
        yield env, data
    finally:
        shutil.rmtree(data, ignore_errors=True)


def run(database: str) -> None:
    with bench_environment(database) as (env, _):
        first = timed(["import", "wikidata-csv", str(SNAPSHOT)], env)
        print(f"  full import of {SNAPSHOT.name}: {first:.1f} s (target < 20 s)")
        again = timed(["import", "wikidata-csv", str(SNAPSHOT)], env)
        print(f"  no-change re-import: {again:.1f} s (target < 5 s)")
        measure_server(env)


if __name__ == "__main__":
    for name in sys.argv[1:] or ["sqlite", "postgresql"]:
        run(name)
