"""The API's rate limits: the site's one rate-limit helper (lib/ratelimit) as ninja throttles."""

from __future__ import annotations

import threading

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from embassies.lib.ratelimit import check_rate, parse_rate


class SharedRateThrottle(BaseThrottle):
    """Anonymous clients only: requests with an editor's token are not limited.

    `setting` names the rate's setting (API_ANON_RATE), read on each request.
    """

    def __init__(self, scope: str, setting: str) -> None:
        parse_rate(getattr(settings, setting))  # a bad value fails at start-up
        self.scope, self.setting = scope, setting
        # One object serves every thread: the wait of the request being checked is per thread.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if getattr(request, "auth", None) or (user is not None and user.is_authenticated):
            return True
        self._local.wait = check_rate(request, self.scope, getattr(settings, self.setting))
        return self._local.wait is None

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)
