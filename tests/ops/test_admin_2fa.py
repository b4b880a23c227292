"""With EMBASSIES_ADMIN_2FA the admin admits staff only with a code from their TOTP device."""

from __future__ import annotations

import io
from base64 import b32decode
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.admin import OTPAdminSite
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from embassies.ops.otp import require_admin_2fa

pytestmark = pytest.mark.django_db

ADMIN = f"/{settings.ADMIN_PATH}"


@pytest.fixture
def two_factor_admin() -> Iterator[None]:
    """What EMBASSIES_ADMIN_2FA=true does at start-up, undone after the test."""
    original = admin.site.__class__
    require_admin_2fa()
    yield
    admin.site.__class__ = original


@pytest.fixture
def editor() -> User:
    return User.objects.create_user("editor", password="right-password", is_staff=True)


def _provision(username: str) -> str:
    out = io.StringIO()
    call_command("otp", "add", username, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def _code(uri: str) -> str:
    secret = parse_qs(urlsplit(uri).query)["secret"][0]
    return f"{TOTP(b32decode(secret)).token():06d}"


def test_otp_add_prints_a_provisioning_uri(editor: User) -> None:
    uri = _provision("editor")
    assert uri.startswith("otpauth://totp/Embassies%3Aeditor?")
    assert "issuer=Embassies" in uri


def test_otp_remove_deletes_the_users_devices(editor: User) -> None:
    _provision("editor")
    out = io.StringIO()
    call_command("otp", "remove", "editor", stdout=out)
    assert "Removed 1 device(s) of editor." in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_otp_add_refuses_unknown_and_non_staff_users() -> None:
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        _provision("nobody")
    User.objects.create_user("reader", password="pw")
    with pytest.raises(CommandError, match="not staff"):
        _provision("reader")


def test_password_alone_does_not_open_the_admin(two_factor_admin: None, editor: User) -> None:
    _provision("editor")
    client = Client()
    answer = client.post(f"{ADMIN}login/", {"username": "editor", "password": "right-password"})
    assert answer.status_code == 200 and b"otp_token" in answer.content
    assert client.get(ADMIN).status_code == 302, "still sent to the login page"


def test_a_session_without_a_verified_device_is_sent_to_login(
    two_factor_admin: None, editor: User
) -> None:
    client = Client()
    client.force_login(editor)
    assert client.get(ADMIN)["Location"].startswith(f"{ADMIN}login/")


def test_password_and_current_code_open_the_admin(two_factor_admin: None, editor: User) -> None:
    uri = _provision("editor")
    client = Client()
    form = {"username": "editor", "password": "right-password", "otp_token": _code(uri)}
    assert client.post(f"{ADMIN}login/", form).status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_a_wrong_code_is_refused(two_factor_admin: None, editor: User) -> None:
    uri = _provision("editor")
    wrong = f"{(int(_code(uri)) + 1) % 1_000_000:06d}"
    client = Client()
    form = {"username": "editor", "password": "right-password", "otp_token": wrong}
    assert client.post(f"{ADMIN}login/", form).status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_without_the_setting_a_password_is_enough(editor: User) -> None:
    assert not isinstance(admin.site, OTPAdminSite)
    client = Client()
    form = {"username": "editor", "password": "right-password"}
    assert client.post(f"{ADMIN}login/", form).status_code == 302
    assert client.get(ADMIN).status_code == 200
