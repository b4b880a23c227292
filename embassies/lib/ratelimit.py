"""Rate limits counted in the shared Django cache, so every process sees the same counts.

One helper for pages, the API and forms:

    wait = check_rate(request, "search", settings.SEARCH_RATE)
    if wait is not None:
        return too_many_requests(request, wait)

Counting is a window per client and scope that opens with the client's first request. In
Redis (shared by every process) one round trip counts a request and reads the window's time
left; in the memory cache of a lone process `add` opens the window and `incr` counts. A client
may send up to twice the rate around the moment one window closes and the next opens.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from embassies.lib.cache import TolerantRedisCache
from embassies.lib.rates import Rate

__all__ = ["Rate", "check_rate", "client_address", "too_many_requests"]

log = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind EMBASSIES_PROXY_COUNT proxies the address the outermost one saw."""
    proxies = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops: list[str] = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return str(request.META.get("REMOTE_ADDR", ""))


def check_rate(
    request: HttpRequest, scope: str, rate: Rate, client: str | None = None
) -> int | None:
    """Count this request; None while the client is within `rate` (a setting as settings.py
    parsed it), else seconds to wait. `client` names who is counted (an API token:
    "token:<id>"); by default the client's address."""
    who = client_address(request) if client is None else client
    ident = hashlib.sha256(who.encode()).hexdigest()[:32]
    try:
        count, left = _count(f"ratelimit:{scope}:{ident}", rate.seconds)
    except Exception as error:  # a cache outage must not take the site down with it
        log.warning("rate limit %s not counted: %s", scope, error)
        return None
    return None if count <= rate.count else max(1, left)


def _count(key: str, period: int) -> tuple[int, int]:
    """This request counted in the client's window: the count so far and the window's seconds
    left. Redis counts in one round trip; the memory cache of a lone process with add, then
    incr, the window's opening time kept beside the count."""
    shared = caches["default"]
    if isinstance(shared, TolerantRedisCache):
        return shared.count_in_window(key, period) or (0, period)  # Redis away: not counted
    if shared.add(key, 1, timeout=period):
        shared.set(f"{key}:opened", time.time(), timeout=period)
        return 1, period
    try:
        count = shared.incr(key)  # atomic; keeps the window's expiry
    except ValueError:  # the window closed between add and incr: this request opens the next
        shared.delete(key)
        return _count(key, period)
    opened = shared.get(f"{key}:opened") or time.time()
    return count, math.ceil(opened + period - time.time())


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """A plain HTML page with status 429 and Retry-After."""
    html = render_to_string("ops/429.html", {"retry_after": retry_after}, request=request)
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(retry_after)
    return response
