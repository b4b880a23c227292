"""Production refuses a guessable SECRET_KEY, warns when /metrics is open, and the admin
lockout tells clients how long to wait."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from embassies.ops.secretkey import weakness
from tests.ops.conftest import PRODUCTION_ENV, clean_env, run

TOKEN = {"EMBASSIES_METRICS_TOKEN": "scrape-" + "Zq8wR2nT" * 4}


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("changeme", "well-known"),
        ("REPLACE-WITH-64-RANDOM-CHARACTERS", "well-known"),
        ("django-insecure-" + "p9x!k2@m7q#r4w&z" * 3, "well-known"),
        ("short-but-random-Q7x", "fewer than 50"),
        ("a1" * 40, "different characters"),
        ("changeme" * 10, "repeated"),
    ],
)
def test_weak_keys_are_named_with_the_reason(key: str, reason: str) -> None:
    assert reason in (weakness(key) or "")


def test_a_random_key_is_accepted() -> None:
    assert weakness(PRODUCTION_ENV["SECRET_KEY"]) is None


@pytest.mark.parametrize("key", ["changeme", "x" * 64, "django-insecure-" + "a9B" * 20])
def test_production_refuses_to_start_with_a_weak_key(tmp_path, key: str) -> None:
    env = clean_env(tmp_path, **PRODUCTION_ENV | TOKEN | {"SECRET_KEY": key})
    done = run(["serve", "--port", "1"], env, timeout=60)
    assert done.returncode != 0
    # One line, no traceback: an operator's mistake, said plainly.
    assert done.stderr.startswith("ImproperlyConfigured: SECRET_KEY is too weak")
    assert len(done.stderr.strip().splitlines()) == 1
    assert key not in done.stderr, "the key itself is never printed"


def test_a_weak_key_is_allowed_outside_production(tmp_path) -> None:
    assert run(["check"], clean_env(tmp_path, SECRET_KEY="changeme")).returncode == 0


def test_open_metrics_in_production_is_a_warning(tmp_path) -> None:
    open_metrics = {k: v for k, v in PRODUCTION_ENV.items() if k not in TOKEN}
    done = run(["check", "--deploy"], clean_env(tmp_path, **open_metrics))
    assert done.returncode == 0
    assert "(ops.W001) /metrics is open to anyone" in done.stderr + done.stdout
    guarded = run(["check", "--deploy"], clean_env(tmp_path, **PRODUCTION_ENV | TOKEN))
    assert "ops.W001" not in guarded.stderr + guarded.stdout
    assert "System check identified no issues" in guarded.stdout


def test_open_metrics_is_not_a_warning_outside_production(tmp_path) -> None:
    done = run(["check"], clean_env(tmp_path))
    assert "ops.W001" not in done.stderr + done.stdout


@pytest.mark.django_db
def test_the_lockout_answer_says_when_to_try_again() -> None:
    User.objects.create_user("editor", password="right-password", is_staff=True)
    client, login = Client(), f"/{settings.ADMIN_PATH}login/"
    form = {"username": "editor", "password": "guess"}
    answers = [
        client.post(login, form, REMOTE_ADDR="203.0.113.9")
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    locked = answers[-1]
    assert locked.status_code == 429
    assert locked["Retry-After"] == str(round(settings.AXES_COOLOFF_TIME * 3600))  # 900
    assert b"Please wait" in locked.content
    again = client.post(login, form | {"password": "right-password"}, REMOTE_ADDR="203.0.113.9")
    assert again.status_code == 429 and again["Retry-After"] == locked["Retry-After"]
