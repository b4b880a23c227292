"""Helpers shared by test modules: free ports, the `embassies` console command, a database
migrated as an operator would (commands never migrate by themselves), /metrics samples."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

EMBASSIES = Path(sys.executable).with_name("embassies")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def migrate(env: Mapping[str, str]) -> None:
    """`embassies migrate` in `env`: what an operator runs before `serve` or `import`."""
    done = subprocess.run(
        [str(EMBASSIES), "migrate", "--verbosity", "0"],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def metric_samples(client: Client, **headers: str) -> Samples:
    """Every sample /metrics shows, by (name, sorted labels)."""
    answer = client.get("/metrics", **headers)
    assert answer.status_code == 200
    text = answer.content.decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def requests_counted(samples: Samples, route: str, status: str) -> float:
    """GET requests /metrics counted for a route name and status."""
    labels = (("method", "GET"), ("route", route), ("status", status))
    return samples.get(("embassies_http_requests_total", labels), 0.0)
