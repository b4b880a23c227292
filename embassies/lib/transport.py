"""The connections under lib/http: checked where they connect, cut off at a deadline.

Each connection resolves its host once, refuses it unless every address is public (or the
operator named the host), and connects to an address it checked: a name that resolves
differently a moment later (DNS rebinding) changes nothing. TLS still verifies the name.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from contextvars import ContextVar
from types import TracebackType
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import create_connection

from embassies.lib import egress

_current: ContextVar[Deadline | None] = ContextVar("http_deadline", default=None)


class Deadline:
    """A wall-clock limit on one exchange. When it passes, its sockets are shut down: that
    wakes a read blocked on them, which no read timeout does for a server dripping bytes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(self.at - time.monotonic(), 0.0)

    def passed(self) -> bool:
        return self._expired or time.monotonic() >= self.at

    def watch(self, sock: socket.socket) -> None:
        # A duplicate descriptor: TLS takes over (detaches) the original socket object.
        copy = socket.fromfd(sock.fileno(), sock.family, sock.type)
        with self._lock:
            self._sockets.append(copy)
            if self._expired:
                _shut(copy)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> Deadline:
        self._token = _current.set(self)
        self._timer.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._timer.cancel()
        _current.reset(self._token)
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other end
        sock.shutdown(socket.SHUT_RDWR)


class GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        if egress.exempt(self.host, self.port):
            sock = super()._new_conn()
        else:
            sock = self._connect_checked()
        deadline = _current.get()
        if deadline is not None:
            deadline.watch(sock)
        return sock

    def _connect_checked(self) -> socket.socket:
        try:
            addresses = egress.public_addresses(self.host, self.port, self._lookup_seconds())
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error
        last: OSError = OSError("no address")
        for address in addresses:
            try:
                return create_connection(
                    (address, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except OSError as error:
                last = error
        if isinstance(last, TimeoutError):
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out") from last
        raise NewConnectionError(self, f"Failed to establish a new connection: {last}") from last

    def _lookup_seconds(self) -> float:
        """What is left of the exchange's deadline, or the connect timeout, for the lookup."""
        deadline = _current.get()
        limits = [deadline.remaining()] if deadline is not None else []
        if isinstance(self.timeout, int | float):
            limits.append(float(self.timeout))
        return min(limits, default=egress.LOOKUP_SECONDS)


class GuardedHTTPSConnection(GuardedHTTPConnection, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def guarded_session() -> requests.Session:
    """A session whose every connection is checked; redirects are the caller's to follow."""
    session = requests.Session()
    # A proxy from the environment would resolve and connect for us, past every check.
    session.trust_env = False
    for prefix in ("http://", "https://"):
        session.mount(prefix, _GuardedAdapter())
    return session
