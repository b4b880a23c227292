"""`embassies news fetch` against a real HTTP server on loopback: conditional GET, duplicates,
full text for summaries, and hostile feeds refused without harming the others."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from embassies.news.feeds.poll import fetch_all
from embassies.news.models import Article, Feed, FeedOutcome
from tests.localserver import Reply, allowed_server
from tests.news.feeds_data import BILLION_LAUGHS, EXTERNAL_ENTITY, LONG, MALFORMED, huge, rss

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_retries")]
XML = {"Content-Type": "application/rss+xml; charset=utf-8"}
Route = Callable[[dict[str, str]], Reply]


class Site:
    """Routes of the local server; each sees the request headers."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.seen: list[dict[str, Any]] = []

    def __call__(self, method: str, path: str, query: object, body: bytes) -> Reply:
        route = self.routes.get(path)
        return route(self.seen[-1]["headers"]) if route else (404, {}, b"")


Serve = Callable[[dict[str, Route]], tuple[Site, str]]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Start a local server for some routes; gives the site (with its request log) and base URL."""
    with ExitStack() as stack:

        def start(routes: dict[str, Route]) -> tuple[Site, str]:
            site = Site(routes)
            base, site.seen = stack.enter_context(allowed_server(site))
            return site, base

        yield start


@pytest.fixture
def wire(serve: Serve) -> tuple[Site, str]:
    items = [
        ("w-1", "Canada and Mexico talk trade", "https://wire.example/1", LONG),
        ("w-2", "Ottawa hosts envoys", "https://wire.example/2", LONG + " Again."),
    ]
    validators = {"ETag": '"v1"', "Last-Modified": "Tue, 02 Apr 2024 10:00:00 GMT"}

    def feed(headers: dict[str, str]) -> Reply:
        if headers.get("If-None-Match") == '"v1"':
            return 304, validators, b""
        return 200, XML | validators, rss(items).encode()

    return serve({"/feed.xml": feed})


def register(url: str) -> Feed:
    return Feed.objects.create(url=url)


def test_second_fetch_is_conditional_and_adds_nothing(wire: tuple[Site, str]) -> None:
    site, base = wire
    register(base + "/feed.xml")
    first = fetch_all()
    assert (first[0].added, first[0].status) == (2, "ok")
    second = fetch_all()
    assert (second[0].added, second[0].status) == (0, "not modified")
    sent = site.seen[-1]["headers"]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Tue, 02 Apr 2024 10:00:00 GMT"
    assert Article.objects.count() == 2


def test_entries_seen_before_are_skipped_not_added_again(wire: tuple[Site, str]) -> None:
    _, base = wire
    register(base + "/feed.xml")
    fetch_all()
    Feed.objects.update(etag="", last_modified="")  # as if the server had no validators
    again = fetch_all()[0]
    assert (again.added, again.skipped, again.status) == (0, 2, "ok")
    assert Article.objects.count() == 2


def test_a_summary_is_replaced_by_the_article_from_its_page(serve: Serve) -> None:
    page = f"<html><body><article><h1>Talks</h1><p>{LONG}</p><p>Mexico agreed.</p></article></body></html>"
    routes: dict[str, Route] = {}
    site, base = serve(routes)
    teaser = [("t-1", "Talks in Ottawa", base + "/story", "Ministers met.")]
    routes["/teasers.xml"] = lambda h: (200, XML, rss(teaser).encode())
    routes["/story"] = lambda h: (200, {"Content-Type": "text/html"}, page.encode())
    register(base + "/teasers.xml")
    assert fetch_all()[0].added == 1
    article = Article.objects.get()
    assert "Mexico agreed." in article.body_text and "Ministers met." not in article.body_text
    assert [s["path"] for s in site.seen] == ["/teasers.xml", "/story"]


def test_full_content_feeds_are_not_followed(serve: Serve) -> None:
    routes: dict[str, Route] = {}
    site, base = serve(routes)
    items = [("f-1", "Full text", base + "/never", "<p>Short but complete.</p>")]
    routes["/full.xml"] = lambda h: (200, XML, rss(items, full=True).encode())
    register(base + "/full.xml")
    assert fetch_all()[0].added == 1
    assert [s["path"] for s in site.seen] == ["/full.xml"]


def hostile_routes() -> dict[str, Route]:
    scripted = [
        ("s-1", "Scripted", "https://s.example/1", f"<p>{LONG}</p><script>alert('x')</script>")
    ]
    latin = rss([("l-1", "Café talks in Zürich", "https://l.example/1", LONG)]).encode("latin-1")
    good = [("g-1", "Good news", "https://g.example/1", LONG.replace("Canada", "France"))]
    big = huge()
    return {
        "/bomb.xml": lambda h: (200, XML, BILLION_LAUGHS),
        "/external.xml": lambda h: (200, XML, EXTERNAL_ENTITY),
        "/huge.xml": lambda h: (200, XML, big),
        "/malformed.xml": lambda h: (200, XML, MALFORMED),
        "/broken.xml": lambda h: (500, {}, b"oops"),
        "/scripted.xml": lambda h: (200, XML, rss(scripted).encode()),
        "/latin.xml": lambda h: (200, XML, latin),  # says UTF-8, is Latin-1
        "/good.xml": lambda h: (200, XML, rss(good).encode()),
    }


def test_hostile_feeds_are_refused_one_by_one_and_the_rest_are_read(
    serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    site, base = serve(hostile_routes())
    for path in site.routes:
        register(base + path)
    with caplog.at_level(logging.WARNING, logger="embassies.news"):
        reports = {r.url.removeprefix(base): r for r in fetch_all()}
    assert reports["/bomb.xml"].status == "refused: unsafe XML refused (EntitiesForbidden)"
    assert reports["/external.xml"].status.startswith("refused: unsafe XML refused")
    assert "larger than" in reports["/huge.xml"].status
    assert reports["/malformed.xml"].status.startswith("refused: not a readable feed")
    assert "HTTP 500" in reports["/broken.xml"].status
    assert [reports[p].added for p in ("/scripted.xml", "/latin.xml", "/good.xml")] == [1, 1, 1]
    assert "alert" not in Article.objects.get(title="Scripted").body_html
    assert Article.objects.filter(title="Café talks in Zürich").exists()
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 5 and all("\n" not in line for line in refusals)


def test_a_feed_that_does_not_answer_in_time_is_refused(serve: Serve, settings: Any) -> None:
    settings.NEWS_FETCH_SECONDS = 1

    def slow(headers: dict[str, str]) -> Reply:
        time.sleep(2)
        return 200, XML, rss([]).encode()

    _, base = serve({"/slow.xml": slow})
    register(base + "/slow.xml")
    report = fetch_all()[0]
    assert report.status.startswith("refused") and "took longer than 1 s" in report.status


def test_each_fetch_stores_its_outcome_and_counts_on_the_feed(serve: Serve) -> None:
    """What /metrics counts is stored as fields by the fetch, never read back from last_result."""
    mixed = [
        ("m-1", "Envoys meet in Lima", "https://m.example/1", LONG),
        ("m-2", "", "https://m.example/2", LONG + " Untitled."),
    ]
    _, base = serve(
        {
            "/mixed.xml": lambda h: (200, XML, rss(mixed).encode()),
            "/broken.xml": lambda h: (500, {}, b"oops"),
        }
    )
    register(base + "/mixed.xml")
    register(base + "/broken.xml")
    untouched = register(base + "/never.xml")
    untouched.active = False
    untouched.save()
    fetch_all()
    mixed_feed, broken = (
        Feed.objects.get(url=base + "/mixed.xml"),
        Feed.objects.get(url=base + "/broken.xml"),
    )
    counts = (mixed_feed.last_added, mixed_feed.last_skipped, mixed_feed.last_failed)
    assert (mixed_feed.last_outcome, counts) == (FeedOutcome.PARTIAL, (1, 0, 1))
    assert mixed_feed.last_result.endswith("1 added, 0 skipped, 1 failed")  # the sentence stays
    assert broken.last_outcome == FeedOutcome.REFUSED and "HTTP 500" in broken.last_result
    assert Feed.objects.get(url=base + "/never.xml").last_outcome == FeedOutcome.NEVER
    fetch_all()
    again = Feed.objects.get(url=base + "/mixed.xml")
    counts = (again.last_added, again.last_skipped, again.last_failed)
    assert (again.last_outcome, counts) == (FeedOutcome.PARTIAL, (0, 1, 1))
