"""A saved news page stored as an article: everything a reader needs, nothing of the site
around it."""

from __future__ import annotations

from datetime import date

import pytest

from embassies.countries.sync import sync_countries
from embassies.news import queries
from embassies.news.documents import read_document
from embassies.news.ingest import ingest
from tests.news.builders import SAVED_PAGE, SAVED_TITLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article() -> object:
    sync_countries()
    result = ingest(read_document(SAVED_PAGE.read_bytes()))
    return queries.article(result.article.pk)


def test_title_date_subheading_and_quotes(seed_article: object) -> None:
    article = seed_article
    assert article.title == SAVED_TITLE
    assert article.published.date() == date(2023, 11, 14)  # 14/11/2023, day first
    assert "<h2>A matter of routine</h2>" in article.body_html
    assert "“Consular access is not a favour; it is an obligation" in article.body_html
    assert article.body_html.startswith("<p>The American and British ambassadors in Moscow")
    assert article.body_html.endswith("its own citizens abroad.”</p>")


def test_banner_breadcrumb_and_repeated_title_are_not_in_the_body(seed_article: object) -> None:
    text = seed_article.body_text
    assert "Consular assistance in Russia" not in text
    assert "need consular assistance" not in text
    assert "Home News" not in text
    assert SAVED_TITLE not in text
    assert "Published on" not in text


def test_tags_include_the_countries_of_the_story(seed_article: object) -> None:
    codes = [t.country_id for t in seed_article.tags.all()]
    assert seed_article.primary_country_id == "RU"
    assert codes[0] == "RU"
    assert {"RU", "US", "GB", "UA", "TR", "AE"} <= set(codes)


def test_a_publishers_own_story_credits_no_agency(seed_article: object) -> None:
    """No dateline, byline or address names an agency: none is credited, the author is kept."""
    assert seed_article.agency == ""
    assert seed_article.credit.agency is None
