"""A reader opens an article in a real browser: title, date, body, links to its countries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.news.builders import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_article_page_shows_the_story_and_links_to_its_countries(
    browser: Browser, live_server: Any
) -> None:
    article = make_article(
        "Trump congratulates Putin, summit on cards",
        datetime(2018, 3, 21, 9, tzinfo=UTC),
        {"RU": 1.0, "US": 0.9},
        body="<p>US President Donald Trump congratulated Vladimir Putin.</p><h2>Sham elections</h2>",
    )
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(live_server.url + "/news/")
    page.get_by_role("link", name="Trump congratulates Putin, summit on cards").click()
    assert page.url == live_server.url + article.get_absolute_url()
    assert page.get_by_role("heading", level=1).inner_text() == article.title
    assert "Published on 21 March 2018" in page.locator("article header").inner_text()
    assert "congratulated Vladimir Putin" in page.locator(".article__body").inner_text()
    assert page.get_by_role("heading", name="Sham elections").count() == 1
    page.get_by_role("link", name="Russia", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Embassies and consulates in Russia"
    assert page.get_by_role("heading", name="News about Russia").count() == 1
    assert errors == []
