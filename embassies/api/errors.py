"""One shape for every JSON error: {"error": {"code", "message", "details"}}, from one helper."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
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


def _handle(request: HttpRequest, exc: object) -> JsonResponse:
    if isinstance(exc, Throttled):
        response = error_response(429, "Too many requests; slow down.")
        response["Retry-After"] = str(max(1, int(exc.wait or 1)))
        return response
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return error_response(413, f"The request body is larger than {limit} bytes.")
    if isinstance(exc, ApiError):
        return error_response(exc.status_code, exc.message, exc.code, exc.details)
    if isinstance(exc, HttpError):
        return error_response(exc.status_code, str(exc))
    if isinstance(exc, Http404):
        return error_response(404, str(exc) or "Not found.")
    if isinstance(exc, ValidationError):
        return error_response(422, "The request is not valid.", details=_fields(exc))
    if isinstance(exc, OperationalError | InterfaceError):  # the database is down: retry later
        log.warning("database unavailable on %s %s: %s", request.method, request.path, exc)
        response = error_response(503, "The database is unavailable; please try again shortly.")
        response["Retry-After"] = "30"
        return response
    if isinstance(exc, BaseException):
        log.error("Unhandled error in %s %s", request.method, request.path, exc_info=exc)
    return error_response(500, "Something went wrong on our side; please try again later.")


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
