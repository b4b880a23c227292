"""Site-wide 404 and 500: an HTML page, or the API's JSON error shape under /api/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from embassies.api.errors import error_response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return error_response(404, f"No API endpoint at {request.path}.")
    return HttpResponse(render_to_string("404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return error_response(500, "Internal error; it has been logged.")
    return HttpResponse(render_to_string("500.html"), status=500)
