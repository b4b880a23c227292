"""One shape for every JSON error: {"error": {"code", "message", "details"}}, from one helper."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext, ngettext
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled, ValidationError

log = logging.getLogger(__name__)

# Machine-readable codes for the statuses the API returns; clients switch on these, not on text.
CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}


class ApiError(HttpError):
    """Raise from any route: `raise ApiError(404, "No mission with id 7.")`."""

    def __init__(
        self, status: int, message: str, code: str | None = None, details: Any = None
    ) -> None:
        super().__init__(status, message)
        self.code = code or CODES.get(status, "error")
        self.details = details


def error_response(
    status: int, message: str, code: str | None = None, details: Any = None
) -> JsonResponse:
    body = {"code": code or CODES.get(status, "error"), "message": message, "details": details}
    return JsonResponse({"error": body}, status=status)


def install(api: NinjaAPI) -> None:
    """Replace ninja's default handlers (each with its own shape) by the one shape."""
    # Registered for each class ninja has a default for, or its default would win over ours.
    for exc_class in (HttpError, Http404, ValidationError, Exception):
        api.add_exception_handler(exc_class, _handle)


def _handle(request: HttpRequest, exc: object) -> HttpResponse:
    if isinstance(exc, Throttled):
        response = error_response(429, "Too many requests; slow down.")
        response["Retry-After"] = str(max(1, int(exc.wait or 1)))
        return response
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return error_response(413, f"The request body is larger than {limit} bytes.")
    if isinstance(exc, ApiError):
        return error_response(exc.status_code, exc.message, exc.code, exc.details)
    if _unreadable_body(exc):
        return error_response(400, gettext("The request body is not valid JSON."))
    if isinstance(exc, HttpError):
        return error_response(exc.status_code, str(exc))
    if isinstance(exc, Http404):
        return error_response(404, str(exc) or "Not found.")
    if isinstance(exc, ValidationError):
        return _invalid(exc)
    if isinstance(exc, OperationalError | InterfaceError):  # the database is down: retry later
        from embassies.web.unavailable import database_unavailable  # it builds this shape too

        return database_unavailable(request, exc)
    if isinstance(exc, BaseException):
        log.error("Unhandled error in %s %s", request.method, request.path, exc_info=exc)
    return error_response(500, "Something went wrong on our side; please try again later.")


def _unreadable_body(exc: object) -> bool:
    """ninja's 400 for a body json.loads refused: its own words ("Cannot parse request body")
    do not say what is wrong; the JSON error it was raised from does."""
    return (
        isinstance(exc, HttpError)
        and exc.status_code == 400
        and isinstance(exc.__cause__, ValueError)
    )


def _invalid(exc: ValidationError) -> JsonResponse:
    """422 for a request its schema refuses. Errors in a JSON body take the write paths' own
    shape (editing.EditError's): {field: [messages]}, with any unknown field named."""
    if not exc.errors or not all(_in_body(error) for error in exc.errors):
        return error_response(422, gettext("The request is not valid."), details=_fields(exc))
    if any(len(error["loc"]) < 3 for error in exc.errors):  # the body itself, not a field
        return error_response(422, gettext("The request body must be a JSON object of fields."))
    problems: dict[str, list[str]] = {}
    unknown: list[str] = []
    for error in exc.errors:
        name = str(error["loc"][2])  # ("body", the view's parameter, the field, ...)
        if error.get("type") == "extra_forbidden":
            unknown.append(name)
            problems.setdefault(name, []).append(gettext("Unknown field."))
        else:
            problems.setdefault(name, []).append(str(error.get("msg", "")))
    if not unknown:
        return error_response(422, gettext("The request is not valid."), details=problems)
    message = ngettext("Unknown field: %(names)s.", "Unknown fields: %(names)s.", len(unknown))
    return error_response(422, message % {"names": ", ".join(unknown)}, details=problems)


def _in_body(error: dict[str, Any]) -> bool:
    loc = list(error.get("loc") or [])
    return bool(loc) and loc[0] == "body"


def _fields(exc: ValidationError) -> list[dict[str, Any]]:
    # Keep what helps a client fix the request; pydantic's ctx may hold objects JSON cannot carry.
    return [
        {
            "loc": list(e.get("loc", [])),
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors
    ]
