"""Real processes for operations tests: `embassies` commands and servers in a clean environment."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.conftest import received_headers
from tests.helpers import EMBASSIES, free_port, migrate

PRODUCTION_ENV = {
    "EMBASSIES_PRODUCTION": "true",
    "SECRET_KEY": "k3y-for-tests-only-" + "x7Qp2Lm9" * 6,
    "ALLOWED_HOSTS": "embassies.example.org,127.0.0.1",
    "EMBASSIES_METRICS_TOKEN": "scrape-" + "Zq8wR2nT" * 4,
}


def clean_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """Only what a fresh shell has, a data folder of its own, and the variables given."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(data_dir)}
    return env | {"EMBASSIES_DATA_DIR": str(data_dir)} | extra


def run(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(EMBASSIES), *args], env=env, capture_output=True, text=True, timeout=timeout
    )


class Answer:
    def __init__(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect is an answer the tests look at


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, headers: dict[str, str] | None = None, data: bytes | None = None) -> Answer:
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Answer(response.status, received_headers(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, received_headers(error.headers), error.read())


class Server:
    def __init__(self, process: subprocess.Popen, base: str, log: Path) -> None:
        self.process, self.base, self.log = process, base, log

    def get(self, path: str, **headers: str) -> Answer:
        return fetch(self.base + path, headers)

    def log_lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()


@contextmanager
def serving(data: Path, workers: int = 1, **env: str) -> Iterator[Server]:
    """`embassies serve` on a fresh SQLite data folder, migrated first as an operator would;
    stderr (the logs) kept in a file."""
    migrate(clean_env(data, **env))
    port, log = free_port(), data / "stderr.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            # The tests bring their own data: no shipped data loaded behind their back.
            [str(EMBASSIES), "serve", "--port", str(port), "--workers", str(workers), "--no-load"],
            env=clean_env(data, **env),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,  # so the server's workers stop with their master
        )
    try:
        server = Server(process, f"http://127.0.0.1:{port}", log)
        _wait_until_up(server)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


@pytest.fixture
def start_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Server]]:
    """Starts servers (`start(workers=2, LOG_FORMAT="json")`), stopped after the test."""
    with ExitStack() as stack:

        def start(workers: int = 1, **env: str) -> Server:
            data = tmp_path_factory.mktemp("serve")
            return stack.enter_context(serving(data, workers, **env))

        yield start


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for several modules: two workers, JSON logs, the admin moved."""
    data = tmp_path_factory.mktemp("served")
    env = {"LOG_FORMAT": "json", "EMBASSIES_ADMIN_PATH": "staff-desk"}
    with serving(data, workers=2, **env) as server:
        yield server


def _wait_until_up(server: Server, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail("serve exited early:\n" + "\n".join(server.log_lines()[-30:]))
        try:
            server.get("/healthz")
            return
        except OSError:
            time.sleep(0.25)
    pytest.fail("the server did not answer")
