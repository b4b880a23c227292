"""All outgoing HTTP goes through here: one User-Agent, timeouts, retries, size limits, and
only to addresses `lib/egress` allows, redirects included (see `lib/transport`).

Tests point the callers at a local server (their URLs are settings, or the server's address
is allowed for the test), so this real code runs in tests too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from embassies.lib import egress
from embassies.lib.transport import Deadline, guarded_session

log = logging.getLogger(__name__)

RETRY_STATUSES = {429, 500, 502, 503, 504}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK_BYTES = 16 * 1024


class FetchError(Exception):
    """A request that failed for good: after retries, or with a status that retrying cannot fix."""


class Refused(FetchError):
    """A URL we will not fetch, whoever asks: it leads inside the network, or off HTTP."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: refused: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """A response with what conditional GET needs: status (200 or 304), headers, final URL."""

    status: int
    body: bytes
    url: str
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Request:
    method: str
    url: str
    headers: Mapping[str, str]
    params: Mapping[str, str] | None
    data: Mapping[str, str] | None
    max_bytes: int
    seconds: float


@dataclass(frozen=True)
class _Transient:
    """An attempt worth repeating: what went wrong, and the server's Retry-After."""

    error: str
    retry_after: str = ""


def _backoff_seconds(attempt: int, retry_after: str) -> float:
    if retry_after.isdigit():
        return min(float(retry_after), 120.0)
    return min(2.0**attempt, 60.0) * float(getattr(settings, "HTTP_BACKOFF_FACTOR", 1.0))


def _next_hop(request: _Request, response: requests.Response) -> _Request:
    """The request a redirect asks for; each hop's address is checked again on connecting."""
    url = urljoin(response.url, response.headers["Location"])
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise Refused(request.url, _("a redirect to a %(scheme)s URL") % {"scheme": scheme})
    # Like browsers: a POST answered with 301, 302 or 303 is followed by a GET.
    to_get = response.status_code == 303 or (
        response.status_code < 303 and request.method == "POST"
    )
    method, data = ("GET", None) if to_get else (request.method, request.data)
    return replace(request, url=url, method=method, data=data, params=None)


def _send(session: requests.Session, request: _Request, deadline: Deadline) -> requests.Response:
    """Send `request`, following redirects ourselves (requests would skip our checks' count)."""
    for _hop in range(MAX_REDIRECTS + 1):
        response = session.request(
            request.method,
            request.url,
            params=request.params,
            data=request.data,
            headers=request.headers,
            timeout=max(deadline.remaining(), 0.01),
            stream=True,
            allow_redirects=False,
        )
        if not response.is_redirect:
            return response
        response.close()
        request = _next_hop(request, response)
    raise FetchError(f"{request.url}: more than {MAX_REDIRECTS} redirects")


def _read_limited(response: requests.Response, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{response.url}: body larger than {max_bytes} bytes, refused")
        chunks.append(chunk)
    return b"".join(chunks)


def _answer(
    request: _Request, response: requests.Response, deadline: Deadline
) -> Fetched | _Transient:
    status = response.status_code
    if status in RETRY_STATUSES:
        return _Transient(f"HTTP {status}", response.headers.get("Retry-After", ""))
    if status >= 400:
        raise FetchError(f"{request.url}: HTTP {status}")
    body = _read_limited(response, request.max_bytes)
    if deadline.passed():  # the deadline cut the body short, or it ended just too late
        raise FetchError(f"{request.url}: took longer than {deadline.seconds:g} s, refused")
    return Fetched(status, body, response.url, response.headers)


def _attempt(request: _Request) -> Fetched | _Transient:
    """One try: connect, headers and body all within `request.seconds` of wall-clock time."""
    with Deadline(request.seconds) as deadline, guarded_session() as session:
        try:
            with _send(session, request, deadline) as response:
                return _answer(request, response, deadline)
        except egress.Forbidden as error:
            raise Refused(request.url, error.reason) from error
        except requests.RequestException as error:
            if deadline.passed():
                message = f"{request.url}: took longer than {deadline.seconds:g} s, refused"
                raise FetchError(message) from error
            if not isinstance(error, requests.ConnectionError | requests.Timeout):
                raise
            return _Transient(type(error).__name__)


def fetch(
    url: str,
    *,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    method: str = "GET",
    data: Mapping[str, str] | None = None,
) -> bytes:
    """GET (or POST) a URL and return its body, retrying transient failures with back-off."""
    return fetch_response(
        url, params=params, headers=headers, max_bytes=max_bytes, method=method, data=data
    ).body


def fetch_response(
    url: str,
    *,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    method: str = "GET",
    data: Mapping[str, str] | None = None,
    max_seconds: float | None = None,
) -> Fetched:
    """`fetch`, keeping status and headers. Each attempt, from connecting to the body's last
    byte, has `max_seconds` (at most EMBASSIES_HTTP_TIMEOUT); running out fails for good."""
    seconds = min(settings.HTTP_TIMEOUT, max_seconds or settings.HTTP_TIMEOUT)
    all_headers = {"User-Agent": settings.HTTP_USER_AGENT, **(headers or {})}
    request = _Request(method, url, all_headers, params, data, max_bytes, seconds)
    failure = _Transient("no attempt")
    for attempt in range(settings.HTTP_RETRIES + 1):
        outcome = _attempt(request)
        if isinstance(outcome, Fetched):
            return outcome
        failure = outcome
        if attempt < settings.HTTP_RETRIES:
            delay = _backoff_seconds(attempt, failure.retry_after)
            log.warning("%s: %s, retrying in %.1f s", url, failure.error, delay)
            time.sleep(delay)
    raise FetchError(f"{url}: {failure.error} after {settings.HTTP_RETRIES + 1} attempts")
