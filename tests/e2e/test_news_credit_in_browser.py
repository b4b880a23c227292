"""A wire story in a real browser: the reader sees whom it is owed to (agency via publisher,
linked to the original), search engines read the same in its JSON-LD, and a country it names
only in passing brings no crisis banner. The story is invented for this test."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Browser

from embassies.alerts.models import Alert
from embassies.news.models import ArticleCountry
from tests.factories import make_country
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db(transaction=True)

ORIGINAL = "https://www.straitstimes.example/world/envoys-meet"


@pytest.fixture
def article_url(live_server: Any) -> str:
    story = make_article(
        "Envoys meet in Singapore",
        datetime(2025, 9, 2, 7, tzinfo=UTC),
        {"SG": 1.0},
        body="<p>SINGAPORE (Reuters) - Two envoys met in Singapore on Tuesday.</p>",
        source="The Straits Times",
        source_url=ORIGINAL,
        agency="Reuters",
    )
    russia = make_country("RU", "Russia")
    ArticleCountry.objects.create(article=story, country=russia, score=0.1, passing=True)
    Alert.objects.create(country=russia, headline="An invented crisis headline")
    return f"{live_server.url}{story.get_absolute_url()}"


def test_wire_story_credits_its_agency_and_publisher(browser: Browser, article_url: str) -> None:
    page = browser.new_page()
    page.goto(article_url)
    credit = page.get_by_role("link", name="Reuters via The Straits Times")
    assert credit.is_visible() and credit.get_attribute("href") == ORIGINAL
    blocks = [
        json.loads(text)
        for text in page.locator("script[type='application/ld+json']").all_text_contents()
    ]
    (news,) = [b for b in blocks if b["@type"] == "NewsArticle"]
    assert news["author"]["name"] == news["sourceOrganization"]["name"] == "Reuters"
    assert news["publisher"]["name"] == "The Straits Times"
    assert page.get_by_role("complementary", name="Consular assistance in Russia").count() == 0
