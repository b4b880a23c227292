"""The API's rate limits: the site's one rate-limit helper (lib/ratelimit) as ninja throttles."""

from __future__ import annotations

import threading

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from embassies.api.auth import bearer_token
from embassies.api.models import ApiToken
from embassies.lib.ratelimit import check_rate


class SharedRateThrottle(BaseThrottle):
    """Anonymous clients are counted per address against `setting` (API_ANON_RATE); requests
    authenticated by an API token are counted per token against `bearer_setting`
    (API_TOKEN_RATE) instead, so a busy bot neither shares nor spends an address's allowance.

    Ninja authenticates before it throttles: a missing or wrong token is refused (401) before
    any counting, as before. On public routes, which authenticate nobody, a valid token sent
    anyway is counted as the token's; a wrong or revoked one counts as anonymous. Staff signed
    in to the site (a session, not a token) are not limited.
    Both settings are read on each request.
    """

    def __init__(self, scope: str, setting: str, bearer_setting: str = "API_TOKEN_RATE") -> None:
        self.scope, self.setting, self.bearer_setting = scope, setting, bearer_setting
        # One object serves every thread: the wait of the request being checked is per thread.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        self._local.wait = self._count(request)
        return self._local.wait is None

    def _count(self, request: HttpRequest) -> int | None:
        token = getattr(request, "auth", None)
        if not isinstance(token, ApiToken):  # a public route: a valid token still counts
            token = bearer_token(request)
        if isinstance(token, ApiToken):
            # Keyed by the token's id: the secret never reaches the cache, and a token keeps
            # its one count from whichever address it is used.
            rate = getattr(settings, self.bearer_setting)
            return check_rate(request, f"{self.scope}:token", rate, client=f"token:{token.pk}")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        return check_rate(request, self.scope, getattr(settings, self.setting))

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)
