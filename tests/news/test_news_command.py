"""`embassies news add|fetch|feeds`, run in-process as the console command runs them."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from embassies.countries.sync import sync_countries
from embassies.news.models import Article, Feed
from tests.localserver import allowed_server
from tests.news.builders import SAVED_PAGE, SAVED_TITLE
from tests.news.feeds_data import LONG, rss

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_retries")]


def run(*args: str) -> str:
    out = StringIO()
    call_command("news", *args, stdout=out)
    return out.getvalue()


def test_add_prints_the_stored_article_as_json() -> None:
    sync_countries()
    found = json.loads(run("add", str(SAVED_PAGE), "--json"))
    assert found["title"] == SAVED_TITLE
    assert found["published"].startswith("2023-11-14")
    assert found["primary"] == "RU"
    assert found["url"] == Article.objects.get().get_absolute_url()
    assert {"RU", "US", "GB", "UA", "TR", "AE"} <= {c["code"] for c in found["countries"]}


def test_adding_again_reports_the_duplicate() -> None:
    run("add", str(SAVED_PAGE))
    assert run("add", str(SAVED_PAGE)).startswith(f"same content: {SAVED_TITLE}")
    assert Article.objects.count() == 1


def test_add_reads_a_url_through_the_http_wrapper() -> None:
    page = f"<html><head><title>Envoys meet</title></head><body><article><p>{LONG}</p></article></body></html>"
    with allowed_server(lambda *a: (200, {"Content-Type": "text/html"}, page.encode())) as (url, _):
        found = json.loads(run("add", url + "/story", "--json"))
    assert found["source_url"] == url + "/story"
    assert found["primary"] in {"CA", "MX"}


def test_a_missing_file_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="No such file"):
        run("add", "/nonexistent/article.txt")


def test_feeds_add_list_and_fetch() -> None:
    feed = rss([("x-1", "Canada and Mexico", "https://x.example/1", LONG)]).encode()
    answer = (200, {"Content-Type": "application/rss+xml"}, feed)
    with allowed_server(lambda *a: answer) as (url, _):
        assert run("feeds", "add", url + "/feed.xml") == f"added: {url}/feed.xml\n"
        assert run("feeds", "add", url + "/feed.xml").startswith("already registered")
        out = run("fetch")
    assert f"{url}/feed.xml: 1 added, 0 skipped, 0 failed" in out
    assert out.endswith("1 feeds: 1 articles added, 0 feeds refused\n")
    assert "1 added" in run("feeds", "list")
    assert Feed.objects.get().title == "Test wire"


def test_feeds_add_refuses_what_is_not_a_web_address() -> None:
    with pytest.raises(CommandError, match="not an http"):
        run("feeds", "add", "file:///etc/passwd")
