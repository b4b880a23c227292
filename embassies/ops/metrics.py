"""Prometheus metrics that add up across the server's worker processes.

prometheus-client's multiprocess mode: each process writes its counters to memory-mapped files
in one folder (METRICS_DIR, under the data folder), and /metrics sums every file. It needs no
extra service and no network round trip per request, unlike counters kept in the cache, and
keeps histograms exact. `embassies serve` empties the folder before its workers start.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from django.conf import settings
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client import values as _values


def _use_multiprocess_files() -> None:
    folder = Path(settings.METRICS_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
    # prometheus_client chose its storage when first imported, perhaps before the folder was
    # known: choose again, before the metrics below are made.
    _values.ValueClass = _values.get_value_class()  # type: ignore[no-untyped-call]  # no hints


_use_multiprocess_files()

REQUESTS = Counter(
    "embassies_http_requests", "HTTP requests answered.", ["route", "method", "status"]
)
LATENCY = Histogram(
    "embassies_http_request_duration_seconds",
    "Time to answer a request.",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


# Any other method a client invents is counted as "other": label values must stay few.
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(route, method if method in METHODS else "other", str(status)).inc()
    LATENCY.labels(route).observe(seconds)


def exposition() -> bytes:
    """Every process's counters summed, plus import and feed outcomes read from the database."""
    from embassies.ops.outcomes import OutcomeCollector

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    registry.register(OutcomeCollector())
    return generate_latest(registry)


def reset_dir() -> None:
    """Called before workers start: counts of processes gone by would otherwise pile up."""
    folder = Path(settings.METRICS_DIR)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
