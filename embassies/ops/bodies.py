"""Slow request bodies must not hold the threads that run the site (`embassies serve`).

Granian hands a request to a Python thread as soon as its headers are in, and the thread then
blocks in `wsgi.input.read()` for as long as the client takes to send the body: a few clients
sending one byte a second used to hold every thread, and `/healthz` waited behind them.
Granian has no body timeout, and a read on its input cannot be interrupted from Python. So:

- the server gets many cheap threads (they wait on the network, without the interpreter lock);
- a body is read by a helper thread, and the request's thread waits for it at most
  EMBASSIES_BODY_READ_TIMEOUT seconds, then answers 408 (the helper ends with the connection);
- only then does the request take one of the few slots that run the site's code at once, so
  requests still sending their bodies never keep others from running.

Granian keeps a connection open while its body is unread, so a helper thread left waiting
lives as long as the client keeps the connection: at most READERS of them wait at once per
worker, and a request with a body beyond that is answered 503 at once (GETs are unaffected).
nginx in front reads whole bodies itself before passing them on (docs/deploy.md).
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.utils.translation import gettext

from embassies.ops.middleware import report

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
ROUTE = "body_timeout"  # the metrics and log label of a request whose body came too slowly
READERS = 256  # helper threads reading bodies at once, per worker process


class BodyDeadline:
    """WSGI wrapper: the body read in full within `seconds`, then at most `running` requests
    in the wrapped application at once."""

    def __init__(self, app: WSGIApp, seconds: float, running: int) -> None:
        self.app, self.seconds = app, seconds
        self.slots = threading.BoundedSemaphore(running)
        self.readers = threading.BoundedSemaphore(READERS)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        length = _content_length(environ)
        # Larger than the site accepts: Django answers 413 without reading it.
        if 0 < length <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            if not self.readers.acquire(blocking=False):
                return self._refuse(environ, start_response, started, 503)
            body = read_within(environ["wsgi.input"], length, self.seconds, self.readers.release)
            if body is None:
                return self._refuse(environ, start_response, started, 408)
            environ["wsgi.input"] = io.BytesIO(body)
        # Only the application call holds a slot: a streamed answer (an export) is sent
        # after it, on the request's own thread.
        with self.slots:
            return self.app(environ, start_response)

    def _refuse(
        self, environ: dict[str, Any], start_response: StartResponse, started: float, status: int
    ) -> list[bytes]:
        method, path = environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")
        if status == 408:
            log.warning("request body not received within %s s: %s %s", self.seconds, method, path)
            text, reason = gettext("The request was not received in time."), "Request Timeout"
        else:
            log.warning("%s request bodies still awaited: %s %s refused", READERS, method, path)
            text, reason = gettext("The site is busy; try again shortly."), "Service Unavailable"
        report(method, path, ROUTE, status, time.perf_counter() - started)
        payload = (text + "\n").encode()
        headers = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(payload))),
            # The rest of the body may still come: this connection carries no other request.
            ("Connection", "close"),
        ]
        if status == 503:
            headers.append(("Retry-After", str(int(self.seconds))))
        start_response(f"{status} {reason}", headers)
        return [payload]


def _content_length(environ: dict[str, Any]) -> int:
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0  # Django treats it as no body too


def read_within(
    stream: Any, length: int, seconds: float, finished: Callable[[], None]
) -> bytes | None:
    """`length` bytes of `stream` (fewer if it ends), or None when they take over `seconds`.
    The helper thread is left behind on a timeout: it ends, and calls `finished`, when the
    connection does."""
    done, box = threading.Event(), []

    def read() -> None:
        try:
            box.append(stream.read(length))
        except Exception as error:  # a client gone mid-body; the request is answered as late
            log.info("request body not read: %s", error)
        finally:
            done.set()
            finished()

    threading.Thread(target=read, name="body-reader", daemon=True).start()
    if not done.wait(seconds) or not box:
        return None
    return bytes(box[0])
