"""News pages: the index, an article like the seed's, and one country's news."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from embassies.news.models import Article
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db
WHEN = datetime(2018, 3, 21, 12, tzinfo=UTC)


@pytest.fixture
def seedlike() -> Article:
    body = "<p>US President Donald Trump congratulated Vladimir Putin.</p><h2>Sham elections</h2>"
    return make_article(
        "Trump congratulates Putin, summit on cards",
        WHEN,
        {"RU": 1.0, "US": 0.9, "GB": 0.2},
        body=body,
    )


def test_article_page_like_the_seed(client: Client, seedlike: Article) -> None:
    response = client.get(seedlike.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<li aria-current="page" dir="auto">Trump congratulates Putin, summit on cards</li>' in html
    )
    assert '<h1 dir="auto">Trump congratulates Putin, summit on cards</h1>' in html
    assert 'Published on <time datetime="2018-03-21T12:00:00+00:00">21 March 2018</time>' in html
    assert "<h2>Sham elections</h2>" in html
    assert html.index('href="/countries/russia/"') < html.index('href="/countries/united-states/"')
    assert response.context["banner_countries"] == ["RU", "US", "GB"]


def test_article_addresses_without_the_right_slug_redirect(
    client: Client, seedlike: Article
) -> None:
    for wrong in (f"/news/{seedlike.pk}/", f"/news/{seedlike.pk}-old-title/"):
        response = client.get(wrong)
        assert (response.status_code, response["Location"]) == (301, seedlike.get_absolute_url())
    assert client.get("/news/999999-x/").status_code == 404


def test_index_is_newest_first_and_paginated(client: Client) -> None:
    for day in range(25):
        make_article(f"Story {day}", WHEN + timedelta(days=day), {"FR": 1.0})
    first = client.get("/news/").content.decode()
    assert first.index("Story 24") < first.index("Story 23")
    assert "Story 4<" not in first and "Page 1 of 2" in first
    assert "Story 4<" in client.get("/news/?page=2").content.decode()


def test_country_news_lists_only_that_country(client: Client, seedlike: Article) -> None:
    make_article("Paris news", WHEN, {"FR": 1.0})
    html = client.get("/news/country/ru/").content.decode()
    assert "<h1>News about Russia</h1>" in html
    assert "Trump congratulates Putin" in html and "Paris news" not in html
    assert 'href="/news/country/ru/atom/"' in html
    assert client.get("/news/country/RU/")["Location"] == "/news/country/ru/"
    assert client.get("/news/country/zz/").status_code == 404


@pytest.mark.parametrize(
    ("prefix", "shown"),
    [
        ("", "21 March 2018"),
        ("/fr", "21 mars 2018"),
        ("/es", "21 de marzo de 2018"),
        ("/ru", "21 марта 2018"),
        ("/ar", "21 مارس 2018"),
    ],
)
def test_news_dates_have_one_style_per_language(
    client: Client, seedlike: Article, prefix: str, shown: str
) -> None:
    """The article page, the news index, a country's news and its country page's section all
    write a date the same way: CLDR's long date in the page's language."""
    pages = [
        seedlike.get_absolute_url(),
        "/news/",
        "/news/country/ru/",
        "/countries/russia/",
    ]
    for path in pages:
        html = client.get(f"{prefix}{path}").content.decode()
        assert f'<time datetime="2018-03-21T12:00:00+00:00">{shown}</time>' in html, path


def test_article_page_names_the_author_and_links_the_publisher(client: Client) -> None:
    story = make_article(
        "Envoys meet at dawn",
        WHEN,
        {"FR": 1.0},
        author="Jane Roe",
        source="Example Daily",
        source_url="https://daily.example/envoys",
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert "by Jane Roe" in html
    assert (
        '<a href="https://daily.example/envoys" rel="nofollow noopener noreferrer">Example Daily</a>'
        in html
    )
