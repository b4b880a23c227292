"""Rate limits on the search and finder pages and POST /api/v1/tag, shared by every process."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client

from embassies.lib.ratelimit import check_rate
from embassies.lib.rates import Rate, parse_rate
from tests.conftest import unreachable_cache

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def _client_address() -> str:
    # Its own address per test: counters in a shared Redis must not meet another run's.
    return f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"


def test_rates_read_like_the_settings_write_them() -> None:
    assert parse_rate("600/m") == Rate(600, 60)
    assert parse_rate("20/s") == Rate(20, 1)
    assert parse_rate("5/10min") == Rate(5, 600)
    for bad in ("", "10", "ten/m", "10/fortnight", "10/"):
        with pytest.raises(ValueError, match="is not a rate"):
            parse_rate(bad)


@pytest.mark.parametrize("path", ["/search/?q=embassy", "/find/?citizen=CA&in=RU"])
def test_the_page_beyond_the_limit_is_a_plain_429_with_retry_after(
    path: str, settings: Any
) -> None:
    settings.SEARCH_RATE = Rate(3, 60)
    address = _client_address()
    client = Client(REMOTE_ADDR=address)
    statuses = [client.get(path).status_code for _ in range(4)]
    assert 429 not in statuses[:3]
    assert statuses[3] == 429
    limited = client.get(path)
    assert limited.status_code == 429
    assert limited["Content-Type"].startswith("text/html")
    assert b"Too many requests" in limited.content
    wait = int(limited["Retry-After"])
    assert 1 <= wait <= 60
    assert f"Please wait {wait} second".encode() in limited.content
    other = Client(REMOTE_ADDR=_client_address())
    assert other.get(path).status_code != 429, "another client is not affected"


def test_tag_has_its_own_lower_limit(settings: Any) -> None:
    settings.TAG_RATE = Rate(2, 60)
    client = Client(REMOTE_ADDR=_client_address())
    post = lambda: client.post("/api/v1/tag", "Talks in Moscow.", content_type="text/plain")  # noqa: E731
    assert [post().status_code for _ in range(2)] == [200, 200]
    limited = post()
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "too_many_requests"
    assert int(limited["Retry-After"]) >= 1
    assert client.get("/api/v1/countries").status_code == 200, "reads have their own count"


def test_behind_a_proxy_the_forwarded_address_is_counted(settings: Any) -> None:
    settings.SEARCH_RATE = Rate(1, 60)
    settings.PROXY_COUNT = 1
    proxy = _client_address()
    first = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=_client_address())
    second = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=_client_address())
    assert first.get("/search/").status_code == 200
    assert second.get("/search/").status_code == 200, "two visitors behind one proxy"
    assert first.get("/search/").status_code == 429


def _redis_reachable() -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(REDIS_URL)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(
    "REDIS_URL" not in os.environ and not _redis_reachable(), reason="no Redis running here"
)
def test_two_processes_share_one_count_in_redis(settings: Any) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "embassies.lib.cache.TolerantRedisCache", "LOCATION": REDIS_URL},
    }
    settings.SEARCH_RATE = Rate(4, 60)
    address = _client_address()
    client = Client(REMOTE_ADDR=address)
    assert [client.get("/search/").status_code for _ in range(2)] == [200, 200]
    # Another process, with its own connection to Redis, counts the next two for this client.
    script = (
        "import django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from embassies.lib.ratelimit import check_rate\n"
        "from embassies.lib.rates import Rate\n"
        f"request = RequestFactory().get('/search/', REMOTE_ADDR={address!r})\n"
        "import json\n"
        "print(json.dumps([check_rate(request, 'search', Rate(4, 60)) for _ in range(3)]))\n"
    )
    env = dict(os.environ, REDIS_URL=REDIS_URL, DJANGO_SETTINGS_MODULE="embassies.settings")
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    allowed, allowed_too, refused = json.loads(done.stdout.strip().splitlines()[-1])
    assert allowed is None and allowed_too is None and refused >= 1
    assert client.get("/search/").status_code == 429, "this process sees the other's count"


@pytest.mark.parametrize(
    "backend",
    ["embassies.lib.cache.TolerantRedisCache", "django.core.cache.backends.redis.RedisCache"],
)
def test_a_cache_outage_lets_requests_through(backend: str, settings: Any) -> None:
    settings.CACHES = unreachable_cache(backend)
    request = Client().get("/healthz").wsgi_request
    assert check_rate(request, "search", Rate(1, 60)) is None
    assert check_rate(request, "search", Rate(1, 60)) is None
