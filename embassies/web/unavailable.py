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
from django.utils.translation import gettext, gettext_noop

from embassies.directory.importing.running import IMPORT_RUNNING, waited_for_import
from embassies.directory.importing.running import RETRY_AFTER_SECONDS as IMPORT_RETRY_AFTER

log = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# The one sentence for a database that is down, on the page (translated) and in the API's error
# shape (in English, as every API message; it is the msgid).
DATABASE_UNAVAILABLE = gettext_noop("Our database is not answering. Please try again in a minute.")


def database_unavailable(request: HttpRequest, error: BaseException | None = None) -> HttpResponse:
    """The one 503 answer for a database that is down or unreachable: HTML, or the API's error
    shape under /api/; Retry-After and never stored. `error`, when known, is logged, and a
    write that only waited for an import's locks is told so instead (import_running)."""
    if error is not None:
        log.warning("database unavailable on %s %s: %s", request.method, request.path, error)
        if waited_for_import(error):
            return import_running(request)
    if request.path.startswith("/api/"):
        from embassies.api.errors import error_response

        response: HttpResponse = error_response(503, DATABASE_UNAVAILABLE)
    else:
        advice = gettext(
            "If you need urgent consular help, call the emergency number of your country's "
            "foreign ministry."
        )
        response = _page(gettext(DATABASE_UNAVAILABLE), advice)
    return _retry_after(response, RETRY_AFTER_SECONDS)


def import_running(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: the write was not made, and can be sent again once the import ends."""
    if request.path.startswith("/api/"):
        from embassies.api.middleware import import_running_answer

        return import_running_answer()
    advice = gettext("Nothing was saved: send the same change again then.")
    return _retry_after(_page(str(IMPORT_RUNNING), advice), IMPORT_RETRY_AFTER)


class DatabaseUnavailable:
    """Last in MIDDLEWARE, so its process_exception sees a view's error first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        return database_unavailable(request, exception)


def _page(message: str, advice: str) -> HttpResponse:
    """503.html: what is wrong and what to do, with nothing that needs the database."""
    page = render_to_string("503.html", {"message": message, "advice": advice})
    return HttpResponse(page, status=503)


def _retry_after(response: HttpResponse, seconds: int) -> HttpResponse:
    response["Retry-After"] = str(seconds)
    patch_cache_control(response, no_store=True)
    return response
