"""An article keeps its own language on a page in another: lang and dir on its title and
text, so an English headline on the Arabic site does not have its punctuation flipped."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
import pytest
from django.test import Client

from embassies.news.models import Article
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db
ENGLISH = (
    "<p>The President said on Wednesday that the summit with Russia was on the cards, and that "
    "the two leaders would meet in Helsinki.</p>"
)
FRENCH = (
    "<p>Le président a dit que le sommet avec la Russie est prévu et que les deux dirigeants "
    "se rencontreront dans la capitale.</p>"
)


@pytest.fixture
def english() -> Article:
    return make_article(
        "Trump congratulates Putin (summit on cards).",
        datetime(2018, 3, 21, 12, tzinfo=UTC),
        {"RU": 1.0},
        body=ENGLISH,
    )


def test_english_article_on_the_arabic_site_is_marked_english(
    client: Client, english: Article
) -> None:
    doc = lxml.html.fromstring(client.get(f"/ar{english.get_absolute_url()}").content)
    assert doc.get("lang") == "ar" and doc.get("dir") == "rtl"
    for element in (doc.find(".//h1"), doc.find_class("article__body")[0]):
        assert (element.get("lang"), element.get("dir")) == ("en", "ltr")
    (crumb,) = doc.xpath("//li[@aria-current='page']")
    assert (crumb.get("lang"), crumb.get("dir")) == ("en", "ltr")


def test_news_lists_mark_each_title_with_its_article_language(
    client: Client, english: Article
) -> None:
    make_article("Sommet en vue", datetime(2018, 3, 22, tzinfo=UTC), {"RU": 1.0}, body=FRENCH)
    doc = lxml.html.fromstring(client.get("/ru/news/").content)
    links = {
        a.text: (a.get("lang"), a.get("dir"))
        for a in doc.xpath("//ol[contains(@class, 'news-list')]//a")
    }
    assert links["Sommet en vue"] == ("fr", "ltr")
    assert links["Trump congratulates Putin (summit on cards)."] == ("en", "ltr")


def test_the_interface_around_the_article_stays_in_the_page_language(
    client: Client, english: Article
) -> None:
    doc = lxml.html.fromstring(client.get(f"/ar{english.get_absolute_url()}").content)
    header = doc.find_class("article")[0].find("header")
    assert header.get("lang") is None and header.find("p").get("lang") is None
