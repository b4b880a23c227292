"""The front door (web/frontdoor.py): a request the chain answered from a finished copy is
answered again from the WSGI environ alone, with the same headers and body, while anything the
door does not weigh (cookies, preconditions, another language, rate-limited pages, a change)
still reaches Django."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory

from embassies.directory.models import Mission
from embassies.web import cache as page_cache
from embassies.wsgi import application
from tests.factories import make_country, make_mission
from tests.ops.test_metrics import _requests, _samples

pytestmark = pytest.mark.django_db

PER_REQUEST = {"x-request-id", "cache-control"}


@dataclass
class Answer:
    status: str
    headers: dict[str, str]
    body: bytes
    through_django: bool


@pytest.fixture
def chain_calls() -> Iterator[list[str]]:
    """Paths that reached Django's request handling. The test database lives in one open
    transaction, so the handler must not close connections, as Django's test client ensures."""
    calls: list[str] = []

    def seen(sender: Any, environ: dict[str, Any], **kwargs: Any) -> None:
        calls.append(environ["PATH_INFO"])

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.connect(seen)
    try:
        yield calls
    finally:
        request_started.disconnect(seen)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def wsgi_get(calls: list[str], url: str, **headers: str) -> Answer:
    """One GET through the WSGI application servers call, exactly as the HTTP server calls it."""
    environ = RequestFactory().get(url, headers=headers).environ
    before = len(calls)
    started: list[Any] = []
    body = b"".join(application(environ, lambda status, hdrs: started.extend([status, hdrs])))
    status, header_list = started
    return Answer(status, {k.lower(): v for k, v in header_list}, body, len(calls) > before)


@pytest.fixture
def embassy() -> Mission:
    return make_mission(
        sending=make_country("CA", "Canada"), host=make_country("RU", "Russia"), city="Moscow"
    )


def _kept(answer: Answer) -> dict[str, str]:
    return {k: v for k, v in answer.headers.items() if k not in PER_REQUEST}


@pytest.mark.parametrize("encoding", ["", "gzip"])
@pytest.mark.parametrize("url", ["/missions/{id}/", "/countries/russia/", "/fr/countries/russia/"])
def test_a_repeat_is_answered_at_the_door_exactly_as_the_chain_answered(
    chain_calls: list[str], embassy: Mission, url: str, encoding: str
) -> None:
    url = url.replace("/missions/{id}/", embassy.get_absolute_url())
    headers = {"Accept-Encoding": encoding} if encoding else {}
    rendered = wsgi_get(chain_calls, url, **headers)  # kept finished, and noted for the door
    door = wsgi_get(chain_calls, url, **headers)
    assert (rendered.through_django, door.through_django) == (True, False)
    assert (rendered.headers["x-page-cache"], door.headers["x-page-cache"]) == ("miss", "hit")
    assert door.status == rendered.status == "200 OK"
    assert door.body == rendered.body
    assert {**_kept(door), "x-page-cache": "miss"} == _kept(rendered)
    assert door.headers["cache-control"].startswith("public, max-age=")
    assert door.headers["x-request-id"] not in (rendered.headers["x-request-id"], "")


def test_the_door_echoes_a_safe_request_id_and_replaces_an_unsafe_one(
    chain_calls: list[str], embassy: Mission
) -> None:
    url = embassy.get_absolute_url()
    wsgi_get(chain_calls, url)
    assert wsgi_get(chain_calls, url, **{"X-Request-ID": "abc-123"}).headers["x-request-id"] == (
        "abc-123"
    )
    unsafe = wsgi_get(chain_calls, url, **{"X-Request-ID": "<script>"})
    assert not unsafe.through_django and unsafe.headers["x-request-id"] != "<script>"


def test_a_change_reaches_the_next_request_through_the_door(
    chain_calls: list[str], embassy: Mission
) -> None:
    url = embassy.get_absolute_url()
    answers = [wsgi_get(chain_calls, url) for _ in range(3)]
    assert not answers[-1].through_django and b"Moscow" in answers[-1].body
    embassy.city = "Vladivostok"
    embassy.save()
    changed = wsgi_get(chain_calls, url)
    assert changed.through_django and b"Vladivostok" in changed.body


@pytest.mark.parametrize(
    "headers",
    [
        {"Cookie": "csrftoken=abc"},
        {"Authorization": "Bearer token"},
        {"Origin": "https://elsewhere.example"},
        {"If-None-Match": '"x"'},
        {"If-Modified-Since": "Sun, 29 Nov 2026 10:00:00 GMT"},
    ],
)
def test_requests_the_door_does_not_weigh_reach_django(
    chain_calls: list[str], embassy: Mission, headers: dict[str, str]
) -> None:
    url = embassy.get_absolute_url()
    wsgi_get(chain_calls, url)
    assert not wsgi_get(chain_calls, url).through_django
    assert wsgi_get(chain_calls, url, **headers).through_django


def test_another_language_or_encoding_is_not_given_the_first_copy(
    chain_calls: list[str], embassy: Mission
) -> None:
    url = embassy.get_absolute_url()
    wsgi_get(chain_calls, url)
    plain = wsgi_get(chain_calls, url)
    gzipped = wsgi_get(chain_calls, url, **{"Accept-Encoding": "gzip"})
    assert gzipped.through_django and gzipped.headers.get("content-encoding") == "gzip"
    assert "content-encoding" not in plain.headers
    other = wsgi_get(chain_calls, url, **{"Accept-Language": "fr"})
    assert other.through_django


def test_the_bare_home_page_still_follows_an_arriving_browsers_language(
    chain_calls: list[str], embassy: Mission
) -> None:
    within = {"Accept-Language": "fr", "Referer": "http://testserver/countries/russia/"}
    for _ in range(2):  # chose English in the switcher: stays English
        english = wsgi_get(chain_calls, "/", **within)
    assert english.status == "200 OK" and not english.through_django
    arriving = {"Accept-Language": "fr", "Referer": "https://news.example/"}
    for _ in range(2):
        answer = wsgi_get(chain_calls, "/", **arriving)
        assert answer.through_django and answer.status.startswith("302")
        assert answer.headers["location"] == "/fr/"


def test_rate_limited_pages_are_always_counted_by_django(
    chain_calls: list[str], embassy: Mission
) -> None:
    url = "/find/?citizen=CA&in=RU"
    answers = [wsgi_get(chain_calls, url) for _ in range(4)]
    assert all(a.through_django for a in answers)
    assert answers[-1].headers["x-page-cache"] == "hit"


def test_door_answers_are_counted_and_logged_under_their_route(
    chain_calls: list[str], embassy: Mission, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    url = embassy.get_absolute_url()
    wsgi_get(chain_calls, url)
    before = _requests(_samples(client), "web:mission", "200")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="embassies.request"):
        door = wsgi_get(chain_calls, url)
    lines = [r for r in caplog.records if r.name == "embassies.request"]
    assert not door.through_django
    assert _requests(_samples(client), "web:mission", "200") == before + 1
    assert [(r.method, r.path, r.status, r.request_id) for r in lines] == [  # type: ignore[attr-defined]
        ("GET", url, 200, door.headers["x-request-id"])
    ]


def test_another_process_change_shows_within_the_recheck_time(
    chain_calls: list[str], embassy: Mission, settings: Any
) -> None:
    """Another process's bump is seen here after PAGE_RECHECK_MS, without a save here."""
    settings.PAGE_RECHECK_MS = 300
    url = embassy.get_absolute_url()
    wsgi_get(chain_calls, url)
    assert not wsgi_get(chain_calls, url).through_django
    # As another process's bump would write it, unseen by this one:
    caches["generations"].set(page_cache._gen_key("RU"), time.time_ns(), timeout=None)
    assert not wsgi_get(chain_calls, url).through_django  # still trusted
    time.sleep(0.35)
    assert wsgi_get(chain_calls, url).through_django


def test_a_generation_read_overlapping_a_change_is_not_remembered() -> None:
    recent = page_cache.Recent()
    since = recent.forgets
    recent.forget(["RU"])  # a bump landed while the read was on its way
    recent.keep({"RU": 1}, since, time.monotonic())
    assert recent.get(["RU"], within=60) is None
    since = recent.forgets
    recent.keep({"RU": 2}, since, time.monotonic())
    assert recent.get(["RU"], within=60) == {"RU": 2}
    assert recent.get(["RU", "CA"], within=60) is None
