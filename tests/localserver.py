"""A real HTTP server on loopback for tests of code that talks to live sources.

Each test gives it a handler: (method, path, query, body) -> (status, headers, body).
Outgoing HTTP refuses loopback addresses: `allowed_server` (or `allowed`) lets it reach
that one server, as an operator's EMBASSIES_HTTP_ALLOW_HOSTS would; a setting that points an
endpoint (e.g. OVERPASS_URL) at the server is enough without it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.test import override_settings

Reply = tuple[int, dict[str, str], bytes]
Handler = Callable[[str, str, dict[str, list[str]], bytes], Reply]


@contextmanager
def local_server(handler: Handler) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """Serve `handler` on 127.0.0.1; yields (base URL, log of requests seen)."""
    seen: list[dict[str, object]] = []

    class Request(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            query = parse_qs(parts.query) | parse_qs(body.decode("utf-8", "replace"))
            seen.append(
                {
                    "method": self.command,
                    "path": parts.path,
                    "query": query,
                    "headers": dict(self.headers),
                }
            )
            status, headers, payload = handler(self.command, parts.path, query, body)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Request)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def allowed(*urls: str) -> Iterator[None]:
    """Let outgoing HTTP reach the hosts and ports of these URLs (loopback or private)."""
    netlocs = [urlsplit(url).netloc for url in urls]
    with override_settings(HTTP_ALLOW_HOSTS=[*settings.HTTP_ALLOW_HOSTS, *netlocs]):
        yield


@contextmanager
def allowed_server(handler: Handler) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """`local_server`, which outgoing HTTP may reach."""
    with local_server(handler) as (url, seen), allowed(url):
        yield url, seen
