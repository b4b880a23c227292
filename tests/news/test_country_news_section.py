"""Each country page has a "News about <country>" section: the latest five and links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from tests.factories import make_country
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db
WHEN = datetime(2024, 1, 1, tzinfo=UTC)


def test_latest_five_with_links_to_all_news_and_the_feed(client: Client) -> None:
    for day in range(7):
        make_article(f"Moscow story {day}", WHEN + timedelta(days=day), {"RU": 1.0})
    make_article("Paris story", WHEN, {"FR": 1.0})
    html = client.get("/countries/russia/").content.decode()
    assert '<h2 id="news-about">News about Russia</h2>' in html
    assert html.index("Moscow story 6") < html.index("Moscow story 2")
    assert "Moscow story 1" not in html and "Paris story" not in html
    assert 'href="/news/country/ru/"' in html and 'href="/news/country/ru/atom/"' in html


def test_no_section_without_news(client: Client) -> None:
    make_country("RU", "Russia")
    assert "News about" not in client.get("/countries/russia/").content.decode()
