"""Tokens for the write API: only a hash is stored; the token itself is shown once."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A named bearer token; writes made with it are recorded under its name."""

    name = models.CharField(max_length=80, unique=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

    @classmethod
    def issue(cls, name: str) -> tuple[ApiToken, str]:
        """A new token for `name`; returns the row and the secret, which is not stored."""
        secret = "emb_" + secrets.token_urlsafe(32)
        return cls.objects.create(name=name, token_hash=digest(secret)), secret

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    @property
    def editor(self) -> str:
        """How writes with this token are attributed in provenance and history."""
        return f"editor:api:{self.name}"
