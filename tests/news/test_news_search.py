"""News on the search page: articles holding the words, newest first, below the missions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from tests.factories import make_mission
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db


def test_articles_matching_every_word_newest_first(client: Client) -> None:
    make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595)
    make_article(
        "Canadian embassy in Moscow reopens", datetime(2024, 1, 1, tzinfo=UTC), {"RU": 1.0}
    )
    make_article(
        "Moscow: the Canadian embassy's new hours", datetime(2024, 3, 1, tzinfo=UTC), {"RU": 1.0}
    )
    make_article("Embassy in Paris", datetime(2024, 2, 1, tzinfo=UTC), {"FR": 1.0})
    html = client.get("/search/", {"q": "canadian embassy moscow"}).content.decode()
    assert "1 mission for" in html
    assert "2 articles with" in html
    assert html.index("1 mission for") < html.index("new hours") < html.index("reopens")
    assert "Embassy in Paris" not in html


def test_accents_and_case_do_not_matter(client: Client) -> None:
    make_article("Café diplomacy in Zürich", datetime(2024, 1, 1, tzinfo=UTC), {"FR": 1.0})
    assert "Café diplomacy" in client.get("/search/", {"q": "CAFE zurich"}).content.decode()
