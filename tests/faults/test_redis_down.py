"""Redis down: the cache answers as a miss after a short timeout, pages and the API still serve
(uncached, rate limits not counted), and the failure is logged."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from embassies.lib.cache import PAUSE_SECONDS, TolerantRedisCache
from tests.faults.servers import base_env, fetch, free_port, served

PAGES = [
    "/",
    "/countries/russia/",
    "/countries/russia/abroad/",
    "/search/?q=moscow",
    "/find/?citizen=CA&in=RU",
    "/api/v1/countries/RU",
    "/api/v1/search?q=moscow",
    "/api/v1/missions?host=RU",
]


def tolerant(url: str) -> TolerantRedisCache:
    return TolerantRedisCache(url, {})


def test_a_closed_port_answers_as_a_miss_quickly() -> None:
    cache = tolerant(f"redis://127.0.0.1:{free_port()}/0")
    start = time.monotonic()
    assert cache.get("k", "default") == "default"
    assert cache.add("k", 1) is False
    assert cache.set("k", 1) is None
    assert cache.get_many(["a", "b"]) == {}
    assert cache.incr("k") == 0
    assert cache.has_key("k") is False
    cache.delete("k")
    assert time.monotonic() - start < 1.0


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections (the kernel's backlog) and never answers: a hung Redis."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def test_a_hung_server_costs_one_short_timeout_then_is_left_alone(silent_server: int) -> None:
    cache = tolerant(f"redis://127.0.0.1:{silent_server}/0")
    start = time.monotonic()
    assert cache.get("k") is None
    first = time.monotonic() - start
    assert first < 1.5  # socket timeout 0.5 s (connect and read)
    start = time.monotonic()
    for _ in range(100):
        assert cache.get("k") is None
    assert time.monotonic() - start < 0.1, f"not left alone for {PAUSE_SECONDS} s"


def test_site_serves_every_page_uncached_with_redis_down(tmp_path: Path) -> None:
    env = base_env(tmp_path, REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    with served(env, workers=2) as server:
        for _ in range(3):
            for page in PAGES:
                answer = fetch(server.base + page)
                assert answer.status == 200, (page, answer.body[:500])
                assert answer.seconds < 2.0, page
                assert answer.headers.get("X-Page-Cache", "miss") == "miss", page
        assert "cache unavailable" in server.log()


def test_readyz_says_plainly_that_redis_cannot_be_reached(tmp_path: Path) -> None:
    url = f"redis://:s3cret-pass@127.0.0.1:{free_port()}/0"
    with served(base_env(tmp_path, REDIS_URL=url), workers=1) as server:
        answer = fetch(server.base + "/readyz")
    assert answer.status == 503
    body = json.loads(answer.body)
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    cache = body["checks"]["cache"]
    assert cache.startswith("error: the cache cannot be reached (ConnectionError: "), cache
    assert "Connection refused" in cache
    assert "s3cret-pass" not in answer.body


def test_readyz_is_ready_with_a_working_redis(tmp_path: Path) -> None:
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    with served(base_env(tmp_path, REDIS_URL=url), workers=1) as server:
        answer = fetch(server.base + "/readyz")
    assert answer.status == 200, answer.body
    assert json.loads(answer.body) == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
