"""All outgoing HTTP goes through here: one User-Agent, timeouts, retries, size limits.

Tests point the callers at a local server (their URLs are settings), so this
real code runs in tests too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import requests
from django.conf import settings

log = logging.getLogger(__name__)

RETRY_STATUSES = {429, 500, 502, 503, 504}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class FetchError(Exception):
    """A request that failed for good: after retries, or with a status that retrying cannot fix."""


@dataclass(frozen=True)
class Fetched:
    """A response with what conditional GET needs: status (200 or 304), headers, final URL."""

    status: int
    body: bytes
    url: str
    headers: Mapping[str, str] = field(default_factory=dict)


def _backoff_seconds(attempt: int, response: requests.Response | None) -> float:
    retry_after = response.headers.get("Retry-After", "") if response is not None else ""
    if retry_after.isdigit():
        return min(float(retry_after), 120.0)
    return min(2.0**attempt, 60.0) * float(getattr(settings, "HTTP_BACKOFF_FACTOR", 1.0))


def _read_limited(
    response: requests.Response, max_bytes: int, deadline: float | None = None
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{response.url}: body larger than {max_bytes} bytes, refused")
        # The timeout bounds each read; a server dripping bytes needs a bound on the whole body.
        if deadline is not None and time.monotonic() > deadline:
            raise FetchError(f"{response.url}: body took too long to arrive, refused")
        chunks.append(chunk)
    return b"".join(chunks)


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
    """`fetch`, keeping status and headers; `max_seconds` bounds the time to read the body."""
    all_headers = {"User-Agent": settings.HTTP_USER_AGENT, **(headers or {})}
    last_error = ""
    for attempt in range(settings.HTTP_RETRIES + 1):
        response: requests.Response | None = None
        try:
            response = requests.request(
                method,
                url,
                params=params,
                data=data,
                headers=all_headers,
                timeout=min(settings.HTTP_TIMEOUT, max_seconds or settings.HTTP_TIMEOUT),
                stream=True,
            )
            if response.status_code not in RETRY_STATUSES:
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code}")
                deadline = time.monotonic() + max_seconds if max_seconds else None
                body = _read_limited(response, max_bytes, deadline)
                return Fetched(response.status_code, body, response.url, response.headers)
            last_error = f"HTTP {response.status_code}"
        except (requests.ConnectionError, requests.Timeout) as error:
            last_error = type(error).__name__
        finally:
            if response is not None:
                response.close()
        if attempt < settings.HTTP_RETRIES:
            delay = _backoff_seconds(attempt, response)
            log.warning("%s: %s, retrying in %.1f s", url, last_error, delay)
            time.sleep(delay)
    raise FetchError(f"{url}: {last_error} after {settings.HTTP_RETRIES + 1} attempts")
