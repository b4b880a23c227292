"""Outgoing HTTP: retries transient failures, refuses huge bodies, gives up with a clear error."""

from __future__ import annotations

from typing import Any

import pytest

from embassies.lib.http import FetchError, fetch
from tests.localserver import allowed, allowed_server


def test_retries_then_succeeds(fast_retries: None) -> None:
    answers = iter([503, 429, 200])
    with allowed_server(lambda *a: (next(answers), {"Retry-After": "0"}, b"ok")) as (url, seen):
        assert fetch(url) == b"ok"
    assert len(seen) == 3


def test_client_error_is_not_retried(fast_retries: None) -> None:
    with (
        allowed_server(lambda *a: (404, {}, b"no")) as (url, seen),
        pytest.raises(FetchError, match="HTTP 404"),
    ):
        fetch(url)
    assert len(seen) == 1


def test_body_over_the_limit_is_refused(fast_retries: None) -> None:
    with (
        allowed_server(lambda *a: (200, {}, b"x" * 200_000)) as (url, _),
        pytest.raises(FetchError, match="larger than"),
    ):
        fetch(url, max_bytes=100_000)


def test_user_agent_is_sent(settings: Any, fast_retries: None) -> None:
    settings.HTTP_USER_AGENT = "Embassies-test/1 (ops@example.org)"
    with allowed_server(lambda *a: (200, {}, b"")) as (url, seen):
        fetch(url)
    assert seen[0]["headers"]["User-Agent"] == "Embassies-test/1 (ops@example.org)"


def test_unreachable_host_fails_after_retries(fast_retries: None) -> None:
    with allowed("http://127.0.0.1:9/"), pytest.raises(FetchError, match="attempts"):
        fetch("http://127.0.0.1:9/")
