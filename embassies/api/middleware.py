"""The last guard of the one error shape: any non-JSON error under /api/ is rewritten.

Django and ninja answer a few errors themselves before our handlers run (405 for a method a
path does not take, for one), as plain text.

Writes also wait a bounded time for rows an import holds (PostgreSQL's lock_timeout; SQLite's
busy_timeout does the same), and a write that timed out while an import runs is answered
"an import is running; try again in a minute" rather than "the database is unavailable".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse

from embassies.api.errors import error_response
from embassies.directory.importing.running import (
    IMPORT_RUNNING,
    RETRY_AFTER_SECONDS,
    import_running,
)

KEPT_HEADERS = ("Allow", "Retry-After")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# How long an API write waits for a row an import has locked: the rows an import writes stay
# locked from their check to its commit, a few seconds for a full re-import.
WRITE_LOCK_WAIT = "8s"


class ApiErrorShape:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if request.method in SAFE_METHODS:
            return shaped(self.get_response(request))
        with bounded_lock_wait():
            response = self.get_response(request)
        if response.status_code == 503 and import_running():
            return import_running_answer()
        return shaped(response)


def shaped(response: HttpResponse) -> HttpResponse:
    if response.status_code < 400:
        return response
    if response.get("Content-Type", "").startswith("application/json"):
        return response
    answer = error_response(response.status_code, response.reason_phrase + ".")
    for header in KEPT_HEADERS:
        if header in response:
            answer[header] = response[header]
    return answer


def import_running_answer() -> HttpResponse:
    response = error_response(503, str(IMPORT_RUNNING))
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@contextmanager
def bounded_lock_wait() -> Iterator[None]:
    """lock_timeout for this request's statements (PostgreSQL), put back afterwards."""
    if connection.vendor != "postgresql":
        yield
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, false)", [WRITE_LOCK_WAIT])
    except DatabaseError:
        yield  # the request meets the same error and is answered 503
        return
    try:
        yield
    finally:
        _reset_lock_wait()


def _reset_lock_wait() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    except DatabaseError:
        connection.close()  # a broken session must not be reused with this setting
