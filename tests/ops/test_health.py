"""/healthz answers without the database; /readyz checks database and cache, quickly."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client

from embassies.ops.health import _without_secrets
from tests.helpers import free_port


def test_liveness_needs_no_database(client: Client) -> None:
    # No django_db mark: any query here would fail the test.
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok"}
    assert "no-cache" in answer["Cache-Control"]


@pytest.mark.django_db
def test_ready_when_database_and_cache_answer(client: Client) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "backend",
    ["django.core.cache.backends.redis.RedisCache", "embassies.lib.cache.TolerantRedisCache"],
)
def test_not_ready_names_the_cache_when_it_is_down(
    client: Client, settings: Any, backend: str
) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": backend,
            "LOCATION": f"redis://:s3cret-pass@127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        },
    }
    started = time.monotonic()
    answer = client.get("/readyz")
    assert time.monotonic() - started < 5, "answers quickly"
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    cache = body["checks"]["cache"]
    assert cache.startswith("error: the cache cannot be reached (ConnectionError: "), cache
    assert "s3cret-pass" not in answer.content.decode()


def test_the_cache_error_is_shown_without_credentials() -> None:
    servers = ["redis://admin:hunter2@cache.internal:6379/0"]
    shown = _without_secrets(
        "ConnectionError: redis://admin:hunter2@cache.internal:6379 said hunter2", servers
    )
    assert shown == "ConnectionError: redis://cache.internal:6379 said ***"
