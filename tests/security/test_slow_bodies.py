"""Clients that send their request bodies a byte a second do not hold `embassies serve`'s
threads: /healthz still answers at once, and the slow requests get 408 after
EMBASSIES_BODY_READ_TIMEOUT (embassies/ops/bodies.py). With the old settings (four threads a
worker reading bodies themselves) twelve such clients kept /healthz waiting for minutes."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.ops.conftest import Server, serving

SLOW_CLIENTS = 12
TIMEOUT = 4  # EMBASSIES_BODY_READ_TIMEOUT for these tests
# A CSRF cookie makes Django read the form body (without one it refuses before reading).
HEAD = (
    b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n"
    b"Cookie: csrftoken=abcdefghijklmnopqrstuvwxyzABCDEF\r\nContent-Length: 1000\r\n\r\n"
)


class SlowClient(threading.Thread):
    """Sends HEAD, then one byte of the body a second; keeps the first answer it gets."""

    def __init__(self, port: int, stop: threading.Event, per_second: int = 1) -> None:
        super().__init__(daemon=True)
        self.port, self.stop, self.per_second = port, stop, per_second
        self.answer, self.seconds = b"", 0.0

    def run(self) -> None:
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
            sock.sendall(HEAD)
            started = time.monotonic()
            sock.setblocking(False)
            while not self.stop.is_set() and not self.answer:
                try:
                    self.answer = sock.recv(100)
                except BlockingIOError:
                    sock.send(b"a" * self.per_second)
                    self.stop.wait(1)
                except OSError:
                    break  # closed by the server
            self.seconds = time.monotonic() - started


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("slow-bodies")
    with serving(data, workers=2, EMBASSIES_BODY_READ_TIMEOUT=str(TIMEOUT)) as running:
        yield running


def _port(server: Server) -> int:
    return int(server.base.rsplit(":", 1)[1])


def _timed_healthz(server: Server) -> float:
    started = time.monotonic()
    assert server.get("/healthz").status == 200
    return time.monotonic() - started


def test_healthz_answers_at_once_while_bodies_trickle_in(server: Server) -> None:
    stop = threading.Event()
    clients = [SlowClient(_port(server), stop) for _ in range(SLOW_CLIENTS)]
    for client in clients:
        client.start()
    try:
        time.sleep(1.5)  # every slow request has been handed to the application by now
        timings = []
        for _ in range(3):
            timings.append(_timed_healthz(server))
            time.sleep(0.5)
        assert max(timings) < 1, f"/healthz took {timings} s behind {SLOW_CLIENTS} slow bodies"
        deadline = time.monotonic() + TIMEOUT + 20
        for client in clients:
            client.join(timeout=max(0.0, deadline - time.monotonic()))
    finally:
        stop.set()
    assert [c.answer[:12] for c in clients] == [b"HTTP/1.1 408"] * SLOW_CLIENTS
    # Each is refused after TIMEOUT; Granian then sends the 408 when that connection next
    # stirs (the client's next byte), one connection after another, so on a busy machine the
    # last arrive up to about TIMEOUT + 8 s (12.0 s seen in CI). Without the deadline each
    # would trickle its 1,000 bytes for 1,000 s: the bound below stays far from that.
    seconds = sorted(round(c.seconds, 1) for c in clients)
    assert seconds[0] < TIMEOUT + 3 and seconds[-1] < TIMEOUT + 16, seconds


def test_a_client_that_sends_no_body_at_all_is_answered(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=TIMEOUT + 10) as sock:
        sock.sendall(HEAD)
        started = time.monotonic()
        answer = sock.recv(4096)
        assert time.monotonic() - started < TIMEOUT + 2
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert b"connection: close" in answer.lower()


def test_a_body_sent_in_time_reaches_the_site(server: Server) -> None:
    """A quick client (the whole body within the limit) is answered by Django as before: here
    the CSRF check, which read the form and found no token in it."""
    stop = threading.Event()
    client = SlowClient(_port(server), stop, per_second=500)
    client.start()
    client.join(timeout=TIMEOUT + 10)
    stop.set()
    assert client.answer.startswith(b"HTTP/1.1 403"), client.answer
