"""A server that drips its answer, one byte every 0.5 s, cannot hold a fetch past its limit:
the limit bounds the whole exchange (connect, headers, body), whatever the read size."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.lib import http
from embassies.lib.http import FetchError, fetch_response
from embassies.news.feeds.poll import fetch_all
from embassies.news.models import Feed
from tests.localserver import allowed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_retries")]

# What the server sends at once, before dripping; then one byte every DRIP seconds.
PREFIXES = {
    "body": b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100\r\n\r\n",
    "body to close": b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n",
    "headers": b"HTTP/1.1 200 OK\r\n",
}
DRIP = 0.5
DRIP_FOR = 12.0  # seconds; long enough that finishing the drip is well over any assertion


def _drip(conn: socket.socket, prefix: bytes) -> None:
    with conn:
        try:
            conn.sendall(prefix)
            for _ in range(int(DRIP_FOR / DRIP)):
                conn.sendall(b"x")  # in the headers: a header line that never ends
                time.sleep(DRIP)
        except OSError:  # the client gave up: what we want
            return


@contextmanager
def drip_server(prefix: bytes) -> Iterator[str]:
    """A loopback server dripping every answer; yields its URL, allowed for outgoing HTTP."""
    listener = socket.create_server(("127.0.0.1", 0))

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # closed at the end of the test
                return
            threading.Thread(target=_drip, args=(conn, prefix), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    try:
        with allowed(url):
            yield url
    finally:
        listener.close()


@pytest.mark.parametrize("chunk_bytes", [1, 64 * 1024])
@pytest.mark.parametrize("phase", list(PREFIXES))
def test_a_dripping_answer_fails_at_the_limit(
    monkeypatch: pytest.MonkeyPatch, phase: str, chunk_bytes: int
) -> None:
    monkeypatch.setattr(http, "CHUNK_BYTES", chunk_bytes, raising=False)
    with drip_server(PREFIXES[phase]) as url:
        start = time.monotonic()
        with pytest.raises(FetchError, match="took longer than 2 s"):
            fetch_response(url, max_seconds=2)
        assert time.monotonic() - start < 4


def test_news_fetch_refuses_a_dripping_feed_in_time(settings: Any) -> None:
    settings.NEWS_FETCH_SECONDS = 2
    with drip_server(PREFIXES["body"]) as url:
        Feed.objects.create(url=url)
        start = time.monotonic()
        report = fetch_all()[0]
        assert time.monotonic() - start < 4
    assert report.status.startswith("refused") and "took longer than 2 s" in report.status


def test_advisories_fetch_gives_up_on_a_dripping_source_in_time(settings: Any) -> None:
    settings.HTTP_TIMEOUT = 2
    with drip_server(PREFIXES["body"]) as url:
        start = time.monotonic()
        with pytest.raises(CommandError, match="took longer than 2 s"):
            call_command("advisories", "fetch", url, stdout=StringIO(), stderr=StringIO())
        assert time.monotonic() - start < 4
