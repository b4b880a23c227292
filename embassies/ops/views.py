"""/healthz, /readyz and /metrics."""

from __future__ import annotations

import hmac
from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from embassies.lib.ratelimit import too_many_requests
from embassies.ops import metrics
from embassies.ops.health import readiness


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Touches neither database nor cache."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: 503 naming each dependency that failed, so a balancer stops sending traffic."""
    checks = readiness()
    ready = all(result == "ok" for result in checks.values())
    body = {"status": "ok" if ready else "unavailable", "checks": checks}
    return JsonResponse(body, status=200 if ready else 503)


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    token = settings.METRICS_TOKEN
    if token:
        sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(sent.encode(), token.encode()):
            response = HttpResponse("A valid metrics token is required.\n", status=401)
            response["WWW-Authenticate"] = "Bearer"
            response["Content-Type"] = "text/plain; charset=utf-8"
            return response
    return HttpResponse(metrics.exposition(), content_type="text/plain; version=0.0.4")


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): the site's 429 page
    with Retry-After, the whole cool-off (the lock is counted from the latest failure)."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    return too_many_requests(request, max(1, seconds))
