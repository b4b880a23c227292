"""Finished copies of cached pages (web/fastpath.py): a hit answered before the rest of the
middleware is the answer the whole chain gives, and never outlives a change or reaches a
visitor who is logged in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client

from embassies.directory.models import Mission
from embassies.web import fastpath
from tests.factories import make_country, make_mission
from tests.ops.test_metrics import _requests, _samples

pytestmark = pytest.mark.django_db

# Written for each request on every path: its id, the remaining max-age, how it was found.
PER_REQUEST = {"x-request-id", "cache-control", "x-page-cache"}


@pytest.fixture
def embassy() -> Mission:
    return make_mission(
        sending=make_country("CA", "Canada"), host=make_country("RU", "Russia"), city="Moscow"
    )


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Statuses of the answers given by the finished copies, without the rest of the chain."""
    given: list[int] = []
    real: Callable[..., HttpResponse | None] = fastpath._answer

    def spy(*args: Any) -> HttpResponse | None:
        answer = real(*args)
        if answer is not None:
            given.append(answer.status_code)
        return answer

    monkeypatch.setattr(fastpath, "_answer", spy)
    return given


def _headers(response: HttpResponse) -> dict[str, str]:
    return {k.lower(): v for k, v in response.items() if k.lower() not in PER_REQUEST}


@pytest.mark.parametrize("encoding", ["", "gzip, deflate, br"])
@pytest.mark.parametrize("url", ["/countries/russia/", "/fr/countries/russia/", "/find/?citizen=CA&in=RU"])  # fmt: skip
def test_a_fast_hit_is_the_chains_answer_headers_and_body(
    client: Client, embassy: Mission, fast: list[int], url: str, encoding: str
) -> None:
    headers = {"Accept-Encoding": encoding} if encoding else {}
    miss = client.get(url, headers=headers)  # rendered, and kept finished
    assert fast == []
    hit = client.get(url, headers=headers)
    assert fast == [200]
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert _headers(hit) == _headers(miss)
    for name in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy",
                 "X-Content-Type-Options", "Referrer-Policy", "Content-Language", "Vary", "ETag"):  # fmt: skip
        assert hit[name] == miss[name], name
    assert hit.content == miss.content or encoding  # gzip adds random bytes per answer
    assert hit["Cache-Control"].startswith("public, max-age=")
    assert hit["X-Request-ID"] and hit["X-Request-ID"] != miss["X-Request-ID"]


def test_a_fast_hit_is_counted_under_its_route(
    client: Client, embassy: Mission, fast: list[int]
) -> None:
    url = embassy.get_absolute_url()
    client.get(url)
    before = _requests(_samples(client), "web:mission", "200")
    client.get(url)
    assert fast == [200]
    assert _requests(_samples(client), "web:mission", "200") == before + 1


def test_a_change_is_on_the_page_at_the_next_request(
    client: Client, embassy: Mission, fast: list[int]
) -> None:
    url = embassy.get_absolute_url()
    for _ in range(2):
        assert b"Moscow" in client.get(url).content
    assert fast == [200]
    embassy.city = "Vladivostok"
    embassy.save()
    changed = client.get(url)
    assert changed["X-Page-Cache"] == "miss" and b"Vladivostok" in changed.content
    assert fast == [200]


def test_a_logged_in_visitor_never_gets_a_kept_page(
    client: Client, embassy: Mission, fast: list[int], django_user_model: Any
) -> None:
    url = embassy.get_absolute_url()
    for _ in range(2):
        client.get(url)
    assert fast == [200]
    client.force_login(django_user_model.objects.create_user("editor", password="x"))
    mine = client.get(url)
    assert "X-Page-Cache" not in mine
    assert "private" in mine["Cache-Control"] and "no-store" in mine["Cache-Control"]
    assert fast == [200]


def test_a_csrf_cookie_goes_the_long_way(client: Client, embassy: Mission, fast: list[int]) -> None:
    url = embassy.get_absolute_url()
    client.get(url)
    client.cookies["csrftoken"] = "x" * 32
    assert client.get(url).status_code == 200
    assert fast == []


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_304_for_a_matching_etag(
    client: Client, embassy: Mission, fast: list[int], encoding: str
) -> None:
    url = embassy.get_absolute_url()
    headers = {"Accept-Encoding": encoding} if encoding else {}
    etag = client.get(url, headers=headers)["ETag"]
    conditional = {**headers, "If-None-Match": etag}
    through_chain = client.get(url, headers=conditional)  # kept for the next one
    kept = client.get(url, headers=conditional)
    assert (through_chain.status_code, kept.status_code) == (304, 304)
    assert fast == [304]
    assert kept.content == b""
    assert _headers(kept) == _headers(through_chain)
    assert kept["Cache-Control"].startswith("public, max-age=")
    other = client.get(url, headers={**headers, "If-None-Match": '"something-else"'})
    assert other.status_code == 200 and fast == [304, 200]


def test_the_finder_keeps_counting_its_rate_limit(
    client: Client, embassy: Mission, fast: list[int], settings: Any
) -> None:
    settings.SEARCH_RATE = "4/m"
    url = "/find/?citizen=CA&in=RU"
    statuses = [client.get(url).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    # Copies found for the second to the fifth; the fifth is over the limit: the chain says 429.
    assert fast == [200, 200, 200, 200]


def test_copies_kept_in_the_process_still_show_a_change_at_once(
    client: Client, embassy: Mission, fast: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As with Redis, where each process keeps the copies it uses besides the shared cache."""
    monkeypatch.setattr(fastpath, "nearby", fastpath.Nearby(10_000_000))
    url = embassy.get_absolute_url()
    first = client.get(url)
    assert fastpath.nearby.size == len(first.content)
    hit = client.get(url)
    assert fast == [200] and _headers(hit) == _headers(first)
    embassy.city = "Vladivostok"
    embassy.save()
    changed = client.get(url)
    assert changed["X-Page-Cache"] == "miss" and b"Vladivostok" in changed.content
    assert b"Vladivostok" in client.get(url).content and fast == [200, 200]


def test_the_process_keeps_no_more_than_its_share_of_memory(embassy: Mission) -> None:
    nearby = fastpath.Nearby(250)
    copy = {"content": b"x" * 100, "fresh_until": float("inf")}
    for key in "abc":
        nearby.put(key, copy, None)
    assert list(nearby.copies) == ["b", "c"] and nearby.size == 200
    nearby.put("big", {**copy, "content": b"x" * 251}, None)
    assert "big" not in nearby.copies


def test_a_fast_hit_over_https_keeps_the_production_headers(
    client: Client, embassy: Mission, fast: list[int], settings: Any
) -> None:
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    url = embassy.get_absolute_url()
    miss = client.get(url, secure=True)
    hit = client.get(url, secure=True)
    assert fast == [200]
    assert hit["Strict-Transport-Security"].startswith("max-age=31536000")
    assert _headers(hit) == _headers(miss)
    plain = client.get(url)  # plain HTTP is redirected, never answered from a copy
    assert plain.status_code == 301 and fast == [200]
