"""Bearer-token authentication for writes: missing or wrong -> 401, revoked -> 403."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from embassies.api.errors import ApiError
from embassies.api.models import ApiToken, digest


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = ApiToken.objects.filter(token_hash=digest(token)).first()
        if found is None:
            return None  # ninja answers 401
        if found.revoked_at is not None:
            raise ApiError(403, f"The token {found.name!r} was revoked.", code="token_revoked")
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        return found
