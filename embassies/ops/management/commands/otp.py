"""Second factor for staff: `embassies otp add USERNAME` prints a TOTP provisioning URI once.

Scan it (or type its secret) into an authenticator app; with EMBASSIES_ADMIN_2FA=true the
admin then asks for the app's 6-digit code at login. `embassies otp remove USERNAME` deletes
the user's devices (a lost phone).
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from embassies.ops.otp import add_device


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["add", "remove"])
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"]
        if not get_user_model().objects.filter(username=username).exists():
            raise CommandError(f"No user named {username!r}.")
        if options["action"] == "remove":
            count, _ = TOTPDevice.objects.filter(user__username=username).delete()
            self.stdout.write(f"Removed {count} device(s) of {username}.")
            return
        try:
            device = add_device(username)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(device.config_url)
        self.stderr.write("Shown once: scan it into an authenticator app now.\n")
