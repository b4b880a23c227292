"""A real `embassies serve` with two workers: admin path, JSON request logs, summed metrics."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.ops.conftest import Server


@pytest.fixture
def server(served: Server) -> Server:
    return served


def test_the_admin_lives_at_the_configured_path(server: Server) -> None:
    login = server.get("/staff-desk/login/")
    assert login.status == 200 and b'name="password"' in login.body
    assert server.get("/admin/login/").status == 404


def test_each_request_is_one_json_log_line_with_its_id(server: Server) -> None:
    answer = server.get("/search/", **{"X-Request-ID": "probe-42"})
    assert answer.headers["X-Request-ID"] == "probe-42"
    lines = [json.loads(line) for line in server.log_lines() if "probe-42" in line]
    assert len(lines) == 1
    line = lines[0]
    assert line["logger"] == "embassies.request" and line["level"] == "INFO"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/search/", 200)
    assert line["duration_ms"] > 0 and line["time"]


def _healthz_count(server: Server) -> float:
    text = server.get("/metrics").body.decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "embassies_http_requests_total" and sample.labels == {
                "route": "ops:healthz",
                "method": "GET",
                "status": "200",
            }:
                return sample.value
    return 0.0


def _writers(server: Server) -> set[str]:
    """Processes that have counted something: one counter file per worker pid."""
    return {p.stem.split("_")[-1] for p in (server.log.parent / "metrics").glob("counter_*.db")}


def test_metrics_add_up_across_worker_processes(server: Server) -> None:
    before, sent = _healthz_count(server), 0
    # Concurrent batches until both workers have answered some (bounded).
    with ThreadPoolExecutor(max_workers=8) as pool:
        while sent < 400 and (sent == 0 or len(_writers(server)) < 2):
            statuses = list(pool.map(lambda _: server.get("/healthz").status, range(40)))
            assert statuses == [200] * 40
            sent += 40
    assert len(_writers(server)) == 2, "both workers answered and counted"
    assert _healthz_count(server) == before + sent


def test_the_servers_own_lines_share_the_json_format(server: Server) -> None:
    spawning = [line for line in server.log_lines() if "Spawning worker" in line]
    assert len(spawning) == 2
    assert all(json.loads(line)["logger"] == "_granian" for line in spawning)
