"""PostgreSQL stopped under load: answers are fast 503s (never hangs, never 500 tracebacks),
cached pages keep serving, and the running app recovers by itself when the database is back.

The stopped server is a private one started for this test, so the shared one is untouched.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings

from tests.faults.servers import Answer, Served, base_env, fetch, private_postgres, served

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a PostgreSQL fault: runs when the suite runs on PostgreSQL",
)

CLIENTS = 4
FAST_SECONDS = 2.5


class Load:
    """CLIENTS threads requesting uncached URLs in turn until stopped; every answer kept."""

    def __init__(self, urls: Callable[[int], str]) -> None:
        self.urls = urls
        self.answers: list[tuple[float, str, Answer]] = []
        self.stopping = threading.Event()
        self.counter = itertools.count()
        self.threads = [threading.Thread(target=self._client) for _ in range(CLIENTS)]

    def _client(self) -> None:
        while not self.stopping.is_set():
            url = self.urls(next(self.counter))
            sent = time.monotonic()
            self.answers.append((sent, url, fetch(url, timeout=15)))

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def between(self, start: float, end: float) -> list[tuple[str, Answer]]:
        return [(url, a) for sent, url, a in self.answers if start <= sent < end]


def uncached(base: str) -> Callable[[int], str]:
    """Pages and API reads that must touch the database (a new query string each time)."""

    def url(n: int) -> str:
        return f"{base}/countries/russia/?n={n}" if n % 2 else f"{base}/api/v1/countries/RU?n={n}"

    return url


def test_database_stopped_under_load_gives_fast_503s_then_recovers(tmp_path: Path) -> None:
    with private_postgres() as pg:
        env = base_env(tmp_path, DATABASE_URL=pg.url, EMBASSIES_API_RATE="100000/m")
        # Cached copies are shared through Redis; without it each process has its own, so one.
        workers = 2 if settings.REDIS_URL else 1
        if settings.REDIS_URL:
            env["REDIS_URL"] = settings.REDIS_URL
        with served(env, workers=workers) as server, Load(uncached(server.base)) as load:
            cached = server.base + "/countries/russia/"
            assert fetch(cached).status == 200
            time.sleep(2)
            up = time.monotonic()
            assert {a.status for _, a in load.between(0, up)} == {200}

            pg.stop()
            stopped = time.monotonic()
            time.sleep(4)
            down = load.between(stopped + 0.5, time.monotonic())
            _assert_fast_unavailable(down)
            during = fetch(cached)  # the page cache keeps the copy it had
            assert during.status == 200 and "Russia" in during.body

            pg.start()
            restarted = time.monotonic()
            _wait_for_recovery(server, restarted)
            time.sleep(2)
            recovered = time.monotonic()
            time.sleep(2)
            after = load.between(recovered, time.monotonic())
        assert after and {a.status for _, a in after} == {200}


def _assert_fast_unavailable(down: list[tuple[str, Answer]]) -> None:
    assert len(down) >= CLIENTS, "the load stalled while the database was down"
    assert {a.status for _, a in down} == {503}, sorted({a.status for _, a in down})
    assert max(a.seconds for _, a in down) < FAST_SECONDS
    for url, answer in down:
        assert "Traceback" not in answer.body
        if "/api/" in url:
            assert '"code": "unavailable"' in answer.body or '"code":"unavailable"' in answer.body
        else:
            assert "briefly unavailable" in answer.body


def _wait_for_recovery(server: Served, since: float, seconds: float = 30) -> None:
    while time.monotonic() - since < seconds:
        if fetch(server.base + "/api/v1/countries/RU?recovery").status == 200:
            return
        time.sleep(0.2)
    pytest.fail("the app did not recover after the database came back")
