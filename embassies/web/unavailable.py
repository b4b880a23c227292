"""A database that is down or unreachable gives a 503 at once (HTML, or the API's error shape),
never a hanging worker or a 500 traceback; the next request tries the database again.

A write that waited too long for an import's locks says so instead: an import is running, try
again in a minute (embassies/directory/importing/running.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from embassies.directory.importing.running import IMPORT_RUNNING, waited_for_import
from embassies.directory.importing.running import RETRY_AFTER_SECONDS as IMPORT_RETRY_AFTER

log = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
API_MESSAGE = "The database is unavailable; please try again shortly."


def unavailable(request: HttpRequest, error: BaseException | None = None) -> HttpResponse:
    if error is not None and waited_for_import(error):
        return import_running(request)
    if request.path.startswith("/api/"):
        from embassies.api.errors import error_response

        response: HttpResponse = error_response(503, API_MESSAGE)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


def import_running(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: the write was not made, and can be sent again once the import ends."""
    if request.path.startswith("/api/"):
        from embassies.api.middleware import import_running_answer

        return import_running_answer()
    page = render_to_string("503_import.html", {"message": IMPORT_RUNNING}, request=request)
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(IMPORT_RETRY_AFTER)
    patch_cache_control(response, no_store=True)
    return response


class DatabaseUnavailable:
    """Last in MIDDLEWARE, so its process_exception sees a view's error first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        log.warning("database unavailable on %s %s: %s", request.method, request.path, exception)
        return unavailable(request, exception)
