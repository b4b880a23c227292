"""Timing helpers: requests on loopback, latency percentiles, throughput."""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> float:
    """Seconds to fetch url in full (an error status still counts: it was answered)."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
    except urllib.error.HTTPError as error:
        error.read()
    return time.perf_counter() - start


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"nothing answered at {url}")


def percentiles(samples_ms: Iterable[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return statistics.median(ordered), p95


def latency_ms(urls: list[str]) -> tuple[float, float]:
    """p50 and p95 over one request per URL, after one warm-up pass."""
    for url in urls[:5]:
        get(url)
    return percentiles(get(url) * 1000 for url in urls)


def throughput(url: str, seconds: int = 5, clients: int = 8) -> float:
    """Requests per second under `clients` concurrent connections (wrk when installed)."""
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", url], capture_output=True, text=True
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
        return sum(pool.map(worker, range(clients))) / seconds
