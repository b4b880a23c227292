"""The WSGI application: fresh finished pages answered before Django's request handling.

Under a crisis most requests are anonymous GETs for a few pages already finished and kept by
fastpath.py. Even that path builds a request, sends the request signals and passes two
middlewares: about 0.1 ms per hit, more than the HTTP server's own work. The front door
answers them from the WSGI environ instead, at a fraction of that.

It never decides what a request should get; the chain decides. When the chain answers a
request from a finished copy (or keeps one), fastpath.py notes the copy's key in the environ.
The door remembers that key under every request input the chain reads to choose an answer:
scheme, host and forwarding headers, path and query, Accept-Language and Accept-Encoding
(the pages' Vary), and on the bare home page the Referer (web/entry_language.py). A later
request with exactly the same inputs gets the same copy, while it is fresh and its generation
numbers are current, so a change shows as soon as it does through the chain.

A request carrying anything the door does not weigh goes the long way: another method, any
cookie (a session, a CSRF token), Authorization, Origin, or a precondition (If-None-Match and
friends: the chain answers 304s). So do copies that need per-client work (rate-limited search
and finder pages). Each answer still gets its request id, log line and metrics.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name

from embassies.ops.middleware import report
from embassies.ops.requestlog import REQUEST_ID, request_id_from
from embassies.web import cache as pages
from embassies.web.fastpath import FINISHED, lookup

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Key = tuple[str, ...]

REMEMBERED = 20_000  # request shapes each process remembers, oldest out
# Request inputs the chain reads to choose among cached answers.
WEIGHED = (
    "wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT", "HTTP_X_FORWARDED_PROTO", "SCRIPT_NAME", "PATH_INFO",
    "QUERY_STRING", "HTTP_ACCEPT_LANGUAGE", "HTTP_ACCEPT_ENCODING",
)  # fmt: skip
# With any of these the chain must answer: per-visitor state, CORS, or a conditional request.
LONG_WAY = (
    "HTTP_COOKIE", "HTTP_AUTHORIZATION", "HTTP_ORIGIN", "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE",
)  # fmt: skip


def _weighed() -> tuple[str, ...]:
    proxy_header = settings.SECURE_PROXY_SSL_HEADER  # decides request.is_secure()
    return WEIGHED + ((proxy_header[0],) if proxy_header else ())


def door_key(environ: dict[str, Any], weighed: tuple[str, ...]) -> Key | None:
    """What the chain would weigh in this request; None when only the chain may answer it."""
    if environ.get("REQUEST_METHOD") != "GET" or any(environ.get(name) for name in LONG_WAY):
        return None
    key = tuple(str(environ.get(name, "")) for name in weighed)
    if environ.get("PATH_INFO", "") in ("", "/"):  # where the Referer picks the language
        key += (str(environ.get("HTTP_REFERER", "")),)
    return key


class Remembered:
    """Request shapes and the finished copy the chain chose for each, bounded, oldest out."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.keys: OrderedDict[Key, str] = OrderedDict()
        self.lock = threading.Lock()  # each worker answers from several threads

    def get(self, shape: Key) -> str | None:
        return self.keys.get(shape)

    def put(self, shape: Key, key: str) -> None:
        with self.lock:
            self.keys[shape] = key
            self.keys.move_to_end(shape)
            while len(self.keys) > self.limit:
                self.keys.popitem(last=False)


class FrontDoor:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self.remembered = Remembered(REMEMBERED)
        self.weighed = _weighed()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        shape = door_key(environ, self.weighed)
        if shape is not None:
            key = self.remembered.get(shape)
            if key is not None:
                entry, _ = lookup(key)
                if entry is not None:
                    return _answer(environ, start_response, entry, started)
        answered = self.app(environ, start_response)
        if shape is not None and FINISHED in environ:
            self.remembered.put(shape, environ[FINISHED])
        return answered


def _answer(environ: dict[str, Any], start_response: StartResponse, entry: dict[str, Any],
            started: float) -> list[bytes]:  # fmt: skip
    """The finished copy with this request's own headers, as fastpath.py writes them."""
    request_id = request_id_from(environ.get("HTTP_X_REQUEST_ID"))
    status = HTTPStatus(entry["status"])
    start_response(
        f"{status.value} {status.phrase}",
        [
            *entry["headers"],
            ("Cache-Control", pages.copy_cache_control(entry)),
            ("X-Page-Cache", "hit"),
            ("X-Request-ID", request_id),
        ],
    )
    token = REQUEST_ID.set(request_id)
    try:
        report("GET", _path(environ), entry["route"], status.value, time.perf_counter() - started)
    finally:
        REQUEST_ID.reset(token)
    return [entry["content"]]


def _path(environ: dict[str, Any]) -> str:
    """request.path, as Django's WSGIRequest makes it."""
    script_name = get_script_name(environ)
    path_info = get_path_info(environ) or "/"
    return "{}/{}".format(script_name.rstrip("/"), path_info.replace("/", "", 1))
