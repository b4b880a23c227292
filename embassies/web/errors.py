"""Site-wide 404 and 500: an HTML page, or the API's JSON error shape under /api/."""

from __future__ import annotations

import logging
import sys

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from embassies.api.errors import error_response
from embassies.web.unavailable import DATABASE_ERRORS, database_unavailable

logger = logging.getLogger(__name__)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return error_response(404, f"No API endpoint at {request.path}.")
    return HttpResponse(render_to_string("404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):  # raised by a middleware, not a view
        return database_unavailable(request, error)
    if _is_api(request):
        return error_response(500, "Internal error; it has been logged.")
    try:
        return HttpResponse(render_to_string("500.html", request=request), status=500)
    except Exception:  # the page itself failed: a plain answer beats none
        logger.exception("The 500 page could not be rendered")
        return HttpResponse(
            "Server error. It has been logged.", status=500, content_type="text/plain"
        )
