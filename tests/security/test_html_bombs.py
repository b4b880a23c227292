"""HTML bombs (deep nesting, many elements, unclosed tags, huge attributes, comments that hide
markup) answered within seconds by POST /api/v1/tag, `embassies news add` and a feed entry:
refused with the reason, or read correctly. Before the pre-scan, 90,000 nested <div> took 30 s."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client

from embassies.news.feeds.poll import ingest_entry
from embassies.news.models import Article, Feed
from embassies.news.tag import tag_document

pytestmark = pytest.mark.django_db
SECONDS = 5.0  # a bomb takes well under 1 s now; the machine running tests is noisy


def nested(opening: str, closing: str, count: int, inner: str = "Moscow") -> str:
    return opening * count + inner + closing * count


# Each fits the tag API's 200 KB limit, so the pre-scan (not the size limit) must stop it.
SMALL_BOMBS = {
    "deep divs": nested("<div>", "</div>", 18_000),
    "deep tables": nested("<table><tr><td>", "</td></tr></table>", 6_000),
    "deep lists": nested("<ul><li>", "</li></ul>", 11_000),
    "deep inline tags": nested("<b><i><span>", "</span></i></b>", 7_000),
    "unclosed divs": "<div>" * 39_000 + "Moscow",
    "unclosed formatting": "<b id=1><i id=2><u id=3>" * 8_000 + "Moscow",
    "many siblings": "<p>x</p>" * 24_000,
    "abrupt comment before deep divs": "<!-->" + nested("<div>", "</div>", 18_000),
    "end tags hidden in attributes": '<div title="</div>">' * 9_000 + "Moscow",
    "end tags hidden in a textarea": "<div><textarea></div></textarea>" * 6_000 + "Moscow",
}
# About 1 MB and more: what an attacker sends where no request limit applies.
LARGE_BOMBS = {
    "deep divs": nested("<div>", "</div>", 90_000),
    "many siblings": "<p>x</p>" * 500_000,
    "deep tables": nested("<table><tr><td>", "</td></tr></table>", 30_000),
    "unclosed divs": "<html><body><h1>Title</h1>" + "<div>" * 200_000,
    "markup inside svg style": "<svg><style>" + nested("<div>", "</div>", 90_000) + "</style>",
    "abrupt comment before deep divs": "<!--->" + nested("<div>", "</div>", 90_000),
}


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> Iterator[None]:
    tag_document(b"<p>Moscow</p>")  # the tagger loads its names once: not the bombs' time
    cache.clear()  # the tag API allows 30 requests a minute per client
    yield
    cache.clear()


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def post_tag(client: Client, body: str) -> tuple[Any, float]:
    return timed(lambda: client.post("/api/v1/tag", body, content_type="text/html"))


def assert_refused(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


@pytest.mark.parametrize("name", SMALL_BOMBS)
def test_tag_api_refuses_a_small_bomb_quickly_with_the_reason(client: Client, name: str) -> None:
    response, seconds = post_tag(client, SMALL_BOMBS[name])
    assert seconds < SECONDS
    assert_refused(response, 422, "invalid")
    assert response.json()["error"]["details"]["reason"] in {"depth", "elements", "tags"}


def test_tag_api_refuses_a_megabyte_bomb_before_parsing_it(client: Client) -> None:
    response, seconds = post_tag(client, LARGE_BOMBS["deep divs"])
    assert seconds < SECONDS
    assert_refused(response, 413, "too_large")
    assert "200000 bytes" in response.json()["error"]["message"]


def test_tag_api_refuses_a_huge_attribute_by_size(client: Client) -> None:
    response, seconds = post_tag(client, f'<p title="{"a" * 300_000}">Moscow</p>')
    assert seconds < SECONDS
    assert_refused(response, 413, "too_large")


def test_tag_api_still_reads_large_attributes_and_many_comments(client: Client) -> None:
    """The limits refuse bombs, not documents that are merely long-winded."""
    assert post_tag(client, SMALL_BOMBS["deep divs"])[0].status_code == 422
    text = "<p>The Kremlin said Moscow would answer.</p>"
    for body in (f'<p title="{"a" * 150_000}">x</p>{text}', "<!---->" * 20_000 + text):
        response, seconds = post_tag(client, body)
        assert seconds < SECONDS
        assert response.status_code == 200 and response.json()["primary"] == "RU"


@pytest.mark.parametrize("name", LARGE_BOMBS)
def test_news_add_refuses_a_bomb_file_quickly(tmp_path: Path, name: str) -> None:
    page = tmp_path / "bomb.html"
    page.write_text(f"<html><head><title>Bomb</title></head><body>{LARGE_BOMBS[name]}")
    started = time.monotonic()
    with pytest.raises(CommandError):
        call_command("news", "add", page)
    assert time.monotonic() - started < SECONDS
    assert not Article.objects.exists()


@pytest.mark.parametrize("name", LARGE_BOMBS)
def test_a_feed_entry_bomb_fails_quickly_and_alone(name: str) -> None:
    feed = Feed.objects.create(url="https://news.example/feed")
    entry = {"title": "Bomb", "link": "", "id": "bomb", "content": [{"value": LARGE_BOMBS[name]}]}
    outcome, seconds = timed(lambda: ingest_entry(entry, feed, "Example"))
    assert seconds < SECONDS
    assert outcome == "failed" and not Article.objects.exists()
