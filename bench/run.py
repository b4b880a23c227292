"""Benchmarks: import of the real snapshot, re-import, and page throughput under load.

Prints figures; it asserts nothing. Targets (issue "Foundation"): full import < 20 s,
no-change re-import < 5 s, a country page with ~300 missions rendered in < 50 ms.
Run with `make bench` (SQLite in a temporary folder; set DATABASE_URL to use PostgreSQL).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT.parent / "shared" / "data" / "wikidata-missions-2022-11.csv"
EMBASSIES = str(Path(sys.executable).parent / "embassies")


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([EMBASSIES, *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    return time.perf_counter() - start


def latency_ms(url: str, n: int = 30) -> tuple[float, float]:
    get(url)
    times = sorted(get(url) * 1000 for _ in range(n))
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def throughput(url: str, seconds: float = 5.0, clients: int = 8) -> float:
    """Requests per second with `clients` concurrent keep-alive-less clients (wrk if installed)."""
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", url],
            capture_output=True,
            text=True,
        ).stdout
        return float(next(x for x in out.splitlines() if "Requests/sec" in x).split()[-1])
    deadline = time.perf_counter() + seconds

    def worker(_: int) -> int:
        done = 0
        while time.perf_counter() < deadline:
            get(url)
            done += 1
        return done

    with ThreadPoolExecutor(clients) as pool:
        total = sum(pool.map(worker, range(clients)))
    return total / seconds


def wait_for(url: str) -> None:
    for _ in range(120):
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server did not answer at {url}")


def pages(base: str) -> dict[str, str]:
    """A mission page and the busiest country page, found through the JSON API."""
    mission = json.load(urllib.request.urlopen(f"{base}/api/v1/missions/Q4374011"))
    country = json.load(urllib.request.urlopen(f"{base}/api/v1/countries/US"))
    return {"mission page (Canada in Moscow)": mission["url"], "country page (in the US)":
            country["url"], "home page": f"{base}/"}  # fmt: skip


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="embassies-bench-"))
    env = os.environ | {"EMBASSIES_DATA_DIR": str(data)}
    print(f"database: {env.get('DATABASE_URL', 'SQLite in ' + str(data))}")
    timed(["migrate", "-v0"], env)
    print(
        f"full import of {SNAPSHOT.name}: {timed(['import', 'wikidata-csv', str(SNAPSHOT)], env):.1f} s (target < 20 s)"
    )
    print(
        f"no-change re-import: {timed(['import', 'wikidata-csv', str(SNAPSHOT)], env):.1f} s (target < 5 s)"
    )
    port = free_port()
    server = subprocess.Popen([EMBASSIES, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/")
        for name, url in pages(base).items():
            p50, p95 = latency_ms(url)
            print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, {throughput(url):.0f} req/s")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
