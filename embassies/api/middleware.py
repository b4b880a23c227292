"""The last guard of the one error shape: any non-JSON error under /api/ is rewritten.

Django and ninja answer a few errors themselves before our handlers run (405 for a method a
path does not take, for one), as plain text.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from embassies.api.errors import error_response

KEPT_HEADERS = ("Allow", "Retry-After")


class ApiErrorShape:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/") or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        shaped = error_response(response.status_code, response.reason_phrase + ".")
        for header in KEPT_HEADERS:
            if header in response:
                shaped[header] = response[header]
        return shaped
