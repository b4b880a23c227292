"""Middleware: request id, timing, log line and metrics for every request; security headers."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from embassies.ops import metrics
from embassies.ops.requestlog import REQUEST_ID, request_id_from

log = logging.getLogger("embassies.request")

# Powerful browser features the site never uses are refused; geolocation serves "use my location".
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

Handler = Callable[[HttpRequest], HttpResponse]
# The route of a page answered from a kept copy (embassies/web/pagecache), which never
# resolves the URL.
ROUTE = "embassies.route"


class RequestObservation:
    """First in the chain, so it sees every answer: pages, API, static files, redirects."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get("X-Request-ID"))
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            report(
                request.method or "",
                request.path,
                route_name(request),
                response.status_code,
                time.perf_counter() - started,
            )
            return response
        finally:
            REQUEST_ID.reset(token)


def report(method: str, path: str, route: str, status: int, seconds: float) -> None:
    """The request's metrics and its log line."""
    metrics.observe_request(route, method, status, seconds)
    log.info(
        "%s %s %s",
        method,
        path,
        status,
        extra={
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round(seconds * 1000, 1),
        },
    )


def route_name(request: HttpRequest) -> str:
    """A bounded label: the URL pattern's name, never the raw path (ids, queries, probes)."""
    if ROUTE in request.META:  # a page answered from a kept copy, before URL resolution
        return str(request.META[ROUTE])
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or match.route or "unnamed"
    if request.path.startswith(settings.STATIC_URL):
        return "static"
    return "unmatched"


class SecurityHeaders:
    """Headers Django's SecurityMiddleware does not set, on every answer (static files too)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # XFrameOptionsMiddleware runs after WhiteNoise, which answers static files itself.
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response
