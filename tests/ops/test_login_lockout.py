"""Password guessing at the admin login is stopped after EMBASSIES_LOGIN_FAILURES failures."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = f"/{settings.ADMIN_PATH}login/"


@pytest.fixture
def editor() -> User:
    return User.objects.create_user("editor", password="right-password", is_staff=True)


def _login(client: Client, password: str, address: str = "203.0.113.7") -> int:
    form = {"username": "editor", "password": password, "next": f"/{settings.ADMIN_PATH}"}
    return client.post(LOGIN, form, REMOTE_ADDR=address).status_code


def test_the_address_is_locked_out_after_the_limit_even_with_the_right_password(
    editor: User,
) -> None:
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT
    assert [_login(client, f"guess-{n}") for n in range(limit - 1)] == [200] * (limit - 1)
    assert _login(client, "guess-last") == 429
    # Counted in the database, so every worker process sees the same count.
    attempt = AccessAttempt.objects.get(ip_address="203.0.113.7")
    assert attempt.failures_since_start == limit
    assert _login(client, "right-password") == 429


def test_another_address_can_still_log_in(editor: User) -> None:
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"guess-{n}")
    assert _login(Client(), "right-password", address="198.51.100.2") == 302


def test_a_success_before_the_limit_resets_the_count(editor: User) -> None:
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, f"guess-{n}")
    assert _login(client, "right-password") == 302
    assert _login(Client(), "guess-again") == 200, "a fresh count starts after a success"
