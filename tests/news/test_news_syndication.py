"""Atom and RSS feeds of all news and of one country's, as feedparser reads them."""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser
import pytest
from django.test import Client

from tests.news.builders import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def articles() -> None:
    make_article(
        "Kremlin answers",
        datetime(2024, 1, 1, tzinfo=UTC),
        {"RU": 1.0},
        body="<p>Moscow said no.</p>",
        author="A. Writer",
    )
    make_article("Paris talks", datetime(2024, 2, 1, tzinfo=UTC), {"FR": 1.0, "RU": 0.4})


@pytest.mark.parametrize("path", ["/news/atom/", "/news/rss/"])
def test_all_news(client: Client, path: str) -> None:
    parsed = feedparser.parse(client.get(path).content)
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["Paris talks", "Kremlin answers"]
    assert parsed.entries[1].link.endswith("-kremlin-answers/")
    assert "Moscow said no." in parsed.entries[1].summary
    assert {t.term for t in parsed.entries[0].tags} == {"France", "Russia"}


@pytest.mark.parametrize("path", ["/news/country/ru/atom/", "/news/country/fr/rss/"])
def test_one_country(client: Client, path: str) -> None:
    parsed = feedparser.parse(client.get(path).content)
    assert not parsed.bozo
    wanted = ["Paris talks", "Kremlin answers"] if "/ru/" in path else ["Paris talks"]
    assert [e.title for e in parsed.entries] == wanted
    assert parsed.feed.title in {"News about Russia", "News about France"}


def test_unknown_country_feed_is_a_404(client: Client) -> None:
    assert client.get("/news/country/zz/atom/").status_code == 404


@pytest.mark.parametrize("path", ["/news/atom/", "/news/rss/"])
def test_entries_name_the_person_who_wrote_them_and_never_the_site(
    client: Client, path: str
) -> None:
    parsed = feedparser.parse(client.get(path).content)
    by_title = {e.title: e for e in parsed.entries}
    assert by_title["Kremlin answers"].author == "A. Writer"
    assert "author" not in by_title["Paris talks"]  # no byline, agency or publisher known
