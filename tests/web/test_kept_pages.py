"""Kept copies of pages, seen from outside: a hit is the answer the whole chain gives, keyed
by what the answer varies on, never outliving a change or reaching a visitor who is logged
in; conditional requests, rate limits, metrics and request ids work on hits as on renders."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client

from embassies.directory.models import Mission
from embassies.lib.generations import PREFIX, Recent
from embassies.lib.rates import Rate
from embassies.web.pagecache import copies
from tests.factories import make_country, make_mission
from tests.helpers import metric_samples, requests_counted

pytestmark = pytest.mark.django_db

# Written for each answer: its id, the remaining max-age, how it was found, the copy's age.
PER_ANSWER = {"x-request-id", "cache-control", "x-page-cache", "age"}


@pytest.fixture
def embassy() -> Mission:
    return make_mission(
        sending=make_country("CA", "Canada"), host=make_country("RU", "Russia"), city="Moscow"
    )


def _kept(response: HttpResponse) -> dict[str, str]:
    return {k.lower(): v for k, v in response.items() if k.lower() not in PER_ANSWER}


def _state(response: HttpResponse) -> str:
    return response.get("X-Page-Cache", "")


@pytest.mark.parametrize("encoding", ["", "gzip, deflate, br"])
@pytest.mark.parametrize(
    "url", ["/countries/russia/", "/fr/countries/russia/", "/find/?citizen=CA&in=RU"]
)
def test_a_hit_is_the_chains_answer_headers_and_body(
    client: Client, embassy: Mission, url: str, encoding: str
) -> None:
    headers = {"Accept-Encoding": encoding} if encoding else {}
    miss = client.get(url, headers=headers)
    hit = client.get(url, headers=headers)
    assert (_state(miss), _state(hit)) == ("miss", "hit")
    assert _kept(hit) == _kept(miss)
    for name in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Content-Language",
        "Vary",
        "ETag",
    ):
        assert hit[name] == miss[name], name
    assert hit.content == miss.content
    assert hit["Cache-Control"].startswith("public, max-age=")
    assert int(hit["Age"]) >= 0
    assert hit["X-Request-ID"] and hit["X-Request-ID"] != miss["X-Request-ID"]


def test_the_key_follows_the_answers_vary(client: Client, embassy: Mission) -> None:
    """An unprefixed page varies on Accept-Language: browsers preferring another language get
    their own copy, browsers whose headers pick the same language share one. A /fr/ page does
    not vary on it: every browser shares its copy. Encodings share by whether gzip is taken."""
    url = embassy.get_absolute_url()
    assert "Accept-Language" in client.get(url)["Vary"]
    assert _state(client.get(url, headers={"Accept-Language": "fr"})) == "miss"
    assert _state(client.get(url, headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})) == "hit"
    french = "/fr" + url
    assert "Accept-Language" not in client.get(french, headers={"Accept-Language": "ru"})["Vary"]
    assert _state(client.get(french, headers={"Accept-Language": "es"})) == "hit"
    gzip = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert _state(gzip) == "miss" and gzip["Content-Encoding"] == "gzip"
    again = client.get(url, headers={"Accept-Encoding": "br, gzip;q=0.8"})
    assert _state(again) == "hit" and again["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in client.get(url)


def test_a_hit_is_counted_and_logged_under_its_route(
    client: Client, embassy: Mission, caplog: pytest.LogCaptureFixture
) -> None:
    url = embassy.get_absolute_url()
    client.get(url)
    before = requests_counted(metric_samples(client), "web:mission", "200")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="embassies.request"):
        hit = client.get(url)
    lines = [r for r in caplog.records if r.name == "embassies.request"]
    assert _state(hit) == "hit"
    assert requests_counted(metric_samples(client), "web:mission", "200") == before + 1
    assert [(r.method, r.path, r.status, r.request_id) for r in lines] == [  # type: ignore[attr-defined]
        ("GET", url, 200, hit["X-Request-ID"])
    ]


def test_a_hit_echoes_a_safe_request_id_and_replaces_an_unsafe_one(
    client: Client, embassy: Mission
) -> None:
    url = embassy.get_absolute_url()
    client.get(url)
    assert client.get(url, headers={"X-Request-ID": "abc-123"})["X-Request-ID"] == "abc-123"
    unsafe = client.get(url, headers={"X-Request-ID": "<script>"})
    assert _state(unsafe) == "hit" and unsafe["X-Request-ID"] != "<script>"


def test_a_change_is_on_the_page_at_the_next_request(client: Client, embassy: Mission) -> None:
    url = embassy.get_absolute_url()
    assert [_state(client.get(url)) for _ in range(2)] == ["miss", "hit"]
    embassy.city = "Vladivostok"
    embassy.save()
    changed = client.get(url)
    assert _state(changed) == "miss" and b"Vladivostok" in changed.content


def test_another_process_change_shows_within_the_recheck_time(
    client: Client, embassy: Mission, settings: Any
) -> None:
    """Another process's change is seen here after PAGE_RECHECK_MS, without a save here."""
    settings.PAGE_RECHECK_MS = 300
    url = embassy.get_absolute_url()
    client.get(url)
    assert _state(client.get(url)) == "hit"
    # As another process's announcement would write it, unseen by this one:
    caches["generations"].set(PREFIX + "RU", time.time_ns(), timeout=None)
    assert _state(client.get(url)) == "hit"  # still trusted
    time.sleep(0.35)
    assert _state(client.get(url)) == "miss"


@pytest.mark.parametrize(
    "cookie", ["sessionid=abc", "csrftoken=" + "x" * 32], ids=["session", "csrf"]
)
def test_a_visitor_with_a_session_or_csrf_cookie_is_never_given_a_kept_page(
    client: Client, embassy: Mission, cookie: str
) -> None:
    url = embassy.get_absolute_url()
    client.get(url), client.get(url)
    name, value = cookie.split("=")
    client.cookies[name] = value
    mine = client.get(url)
    assert mine.status_code == 200 and "X-Page-Cache" not in mine
    assert "private" in mine["Cache-Control"] and "no-store" in mine["Cache-Control"]


def test_an_unrelated_cookie_still_gets_the_kept_page(client: Client, embassy: Mission) -> None:
    url = embassy.get_absolute_url()
    client.get(url)
    client.cookies["theme"] = "dark"
    assert _state(client.get(url)) == "hit"


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_preconditions_are_answered_from_the_copy(
    client: Client, embassy: Mission, encoding: str
) -> None:
    url = embassy.get_absolute_url()
    headers = {"Accept-Encoding": encoding} if encoding else {}
    first = client.get(url, headers=headers)
    etag = first["ETag"]
    same = client.get(url, headers={**headers, "If-None-Match": etag})
    assert (same.status_code, _state(same), same.content) == (304, "hit", b"")
    assert same["ETag"] == etag and same["Cache-Control"].startswith("public, max-age=")
    other = client.get(url, headers={**headers, "If-None-Match": '"something-else"'})
    assert (other.status_code, _state(other)) == (200, "hit")
    refused = client.get(url, headers={**headers, "If-Match": '"something-else"'})
    assert refused.status_code == 412


def test_a_revalidating_browser_fills_the_cache_with_the_whole_page(
    client: Client, embassy: Mission
) -> None:
    """The first request of a page may come with a precondition: the page is still kept."""
    url = embassy.get_absolute_url()
    etag = client.get(url)["ETag"]
    client.get("/countries/canada/abroad/")  # unrelated
    make_mission(sending=make_country("CA", "Canada"), host=make_country("RU", "Russia"))
    first = client.get(url, headers={"If-None-Match": etag})  # its copy is out of date now
    assert first.status_code in (200, 304) and _state(first) == "miss"
    assert _state(client.get(url)) == "hit"


def test_the_finder_keeps_counting_its_rate_limit(
    client: Client, embassy: Mission, settings: Any
) -> None:
    settings.SEARCH_RATE = Rate(4, 60)
    url = "/find/?citizen=CA&in=RU"
    answers = [client.get(url) for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert [_state(a) for a in answers[:4]] == ["miss", "hit", "hit", "hit"]


def test_copies_kept_in_the_process_still_show_a_change_at_once(
    client: Client, embassy: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As with Redis, where each process keeps the copies it uses besides the shared cache."""
    kept = copies.Bounded[str, copies.Copy](10_000_000, lambda copy: len(copy.content))
    monkeypatch.setattr(copies, "kept_copies", kept)
    url = embassy.get_absolute_url()
    first = client.get(url)
    assert kept.used == len(first.content)
    assert _state(client.get(url)) == "hit"
    embassy.city = "Vladivostok"
    embassy.save()
    changed = client.get(url)
    assert _state(changed) == "miss" and b"Vladivostok" in changed.content
    assert b"Vladivostok" in client.get(url).content


def test_the_process_keeps_no_more_than_its_share_of_memory() -> None:
    kept = copies.Bounded[str, bytes](250, len)
    for key in "abc":
        kept.put(key, b"x" * 100)
    assert list(kept.entries) == ["b", "c"] and kept.used == 200
    kept.put("big", b"x" * 251)
    assert kept.get("big") is None


def test_a_hit_over_https_keeps_the_production_headers(
    client: Client, embassy: Mission, settings: Any
) -> None:
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    url = embassy.get_absolute_url()
    miss = client.get(url, secure=True)
    hit = client.get(url, secure=True)
    assert _state(hit) == "hit"
    assert hit["Strict-Transport-Security"].startswith("max-age=31536000")
    assert _kept(hit) == _kept(miss)
    plain = client.get(url)  # plain HTTP is redirected, never answered from a copy
    assert plain.status_code == 301 and "X-Page-Cache" not in plain


def test_the_bare_home_page_still_follows_an_arriving_browsers_language(
    client: Client, embassy: Mission
) -> None:
    within = {"Accept-Language": "fr", "Referer": "http://testserver/countries/russia/"}
    english = [client.get("/", headers=within) for _ in range(2)]  # chose English: stays English
    assert [(a.status_code, _state(a)) for a in english] == [(200, "miss"), (200, "hit")]
    arriving = {"Accept-Language": "fr", "Referer": "https://news.example/"}
    for _ in range(2):
        answer = client.get("/", headers=arriving)
        assert answer.status_code == 302 and answer["Location"] == "/fr/"


def test_a_generation_read_overlapping_a_change_is_not_remembered() -> None:
    recent = Recent()
    since = recent.forgets
    recent.forget(["RU"])  # a change landed while the read was on its way
    recent.keep({"RU": 1}, since, time.monotonic())
    assert recent.get(["RU"], within=60) is None
    since = recent.forgets
    recent.keep({"RU": 2}, since, time.monotonic())
    assert recent.get(["RU"], within=60) == {"RU": 2}
    assert recent.get(["RU", "CA"], within=60) is None
