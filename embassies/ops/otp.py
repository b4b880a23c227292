"""The admin's optional second factor (django-otp, TOTP)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.plugins.otp_totp.models import TOTPDevice


class OneStepOTPForm(OTPAdminAuthenticationForm):  # type: ignore[misc]  # django-otp: no hints
    """Username, password and code in one step when the user has a single device.

    django-otp otherwise asks to pick the device on a second round, even when there is one.
    """

    def _chosen_device(self, user: Any) -> Any:
        chosen = super()._chosen_device(user)
        if chosen is None:
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            if len(devices) == 1:
                return devices[0]
        return chosen


class TwoFactorAdminSite(OTPAdminSite):  # type: ignore[misc]  # django-otp: no hints
    login_form = OneStepOTPForm


def require_admin_2fa() -> None:
    """The admin then admits only staff who logged in with a code from a confirmed device."""
    # django-otp's documented way: every ModelAdmin stays registered on the same site object.
    admin.site.__class__ = TwoFactorAdminSite


def add_device(username: str, name: str = "authenticator") -> TOTPDevice:
    """A confirmed TOTP device for a staff user; its config_url is shown once to scan."""
    user = get_user_model().objects.get(username=username)
    if not user.is_staff:
        raise ValueError(f"{username} is not staff: only staff use the admin.")
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)
