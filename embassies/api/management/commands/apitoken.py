"""Manage tokens of the write API: `embassies apitoken create NAME`, `revoke NAME`, `list`.

`create` prints the token once (it is stored only as a hash): send it as
`Authorization: Bearer TOKEN`.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from embassies.api.models import ApiToken


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["create", "revoke", "list"])
        parser.add_argument("name", nargs="?", help="Who or what uses the token.")

    def handle(self, *args: Any, **options: Any) -> None:
        action, name = options["action"], (options["name"] or "").strip()
        if action == "list":
            for token in ApiToken.objects.order_by("name"):
                state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
                self.stdout.write(f"{token.name}\t{state}")
            return
        if not name:
            raise CommandError(f"apitoken {action} needs a NAME.")
        if action == "create":
            self._create(name)
        else:
            self._revoke(name)

    def _create(self, name: str) -> None:
        try:
            _, secret = ApiToken.issue(name)
        except IntegrityError:
            raise CommandError(f"A token named {name!r} exists already.") from None
        self.stdout.write(f"Token for {name} (shown only once): {secret}")

    def _revoke(self, name: str) -> None:
        token = ApiToken.objects.filter(name=name, revoked_at__isnull=True).first()
        if token is None:
            raise CommandError(f"No active token named {name!r}.")
        token.revoke()
        self.stdout.write(f"Revoked {name}.")
