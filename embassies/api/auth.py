"""Bearer-token authentication for writes: missing or wrong -> 401, revoked -> 403."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from embassies.api.errors import ApiError
from embassies.api.models import ApiToken, digest


def find_token(secret: str) -> ApiToken | None:
    """The token this secret belongs to, revoked or not; None for an unknown secret."""
    return ApiToken.objects.filter(token_hash=digest(secret)).first()


def bearer_token(request: HttpRequest) -> ApiToken | None:
    """The valid token a request carries in its Authorization header, if any: public reads
    need none, but one sent there is counted as that token's (api/throttle.py)."""
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        return None
    found = find_token(secret.strip())
    return found if found is not None and found.revoked_at is None else None


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = find_token(token)
        if found is None:
            return None  # ninja answers 401
        if found.revoked_at is not None:
            raise ApiError(403, f"The token {found.name!r} was revoked.", code="token_revoked")
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        return found
