"""A country an article names only in passing: stored and given by the API (passing=true), but
the article is not news about it: not on its page's country list, not under it in listings or
feeds, and without its crisis banner."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import feedparser
import pytest
from django.core.management import call_command
from django.test import Client

from embassies.news.documents import Draft
from embassies.news.ingest import ingest
from embassies.news.models import Article, ArticleCountry
from tests.alerts.builders import make_alert
from tests.factories import make_country
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db
WHEN = datetime(2025, 5, 6, 8, tzinfo=UTC)
TITLE = "Grain corridor talks resume in Paris"
# Invented for these tests: France and Ukraine are the story; Germany is named once, in an
# aside (a relative clause), which the tagger reads as a passing mention.
BODY = (
    "<p>French and Ukrainian negotiators met in Paris on Tuesday to reopen the grain corridor. "
    "The talks were led by the French envoy, who once served in Germany, and by Ukraine’s "
    "deputy foreign minister.</p>"
)


@pytest.fixture
def tagger() -> None:
    """The countries the real tagger finds in BODY exist as rows."""
    for code, name in (("FR", "France"), ("UA", "Ukraine"), ("DE", "Germany")):
        make_country(code, name)


@pytest.fixture
def article() -> Article:
    found = make_article(TITLE, WHEN, {"FR": 1.0, "UA": 0.7}, body=BODY)
    germany = make_country("DE", "Germany")
    ArticleCountry.objects.create(article=found, country=germany, score=0.2, passing=True)
    return found


def banner_codes(html: str) -> set[str]:
    return set(re.findall(r'id="alert-banner-([A-Z]{2})"', html))


def test_ingest_stores_which_countries_are_named_in_passing(tagger: None) -> None:
    stored = ingest(Draft(title=TITLE, body_html=BODY, published=WHEN)).article
    flags = dict(stored.tags.values_list("country_id", "passing"))
    assert flags == {"FR": False, "UA": False, "DE": True}
    assert stored.primary_country_id == "FR"


def test_news_add_json_gives_every_country_with_its_passing_flag(
    tagger: None, tmp_path: Path
) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"title": TITLE, "body_html": BODY}), encoding="utf-8")
    out = StringIO()
    call_command("news", "add", str(path), "--json", stdout=out)
    countries = json.loads(out.getvalue())["countries"]
    assert {c["code"]: c["passing"] for c in countries} == {"FR": False, "UA": False, "DE": True}


def test_api_gives_a_country_named_in_passing_with_passing_true(
    client: Client, article: Article
) -> None:
    found = client.get(f"/api/v1/news/{article.pk}").json()
    assert found["countries"][-1] == {
        "code": "DE",
        "name": "Germany",
        "score": 0.2,
        "passing": True,
    }
    assert [c["passing"] for c in found["countries"][:2]] == [False, False]


def test_article_page_lists_only_the_countries_it_concerns(
    client: Client, article: Article
) -> None:
    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index('class="article__countries"') :]
    assert 'href="/countries/france/"' in section and 'href="/countries/ukraine/"' in section
    assert "/countries/germany/" not in section and "/news/country/de/" not in section


def test_article_page_has_no_crisis_banner_for_a_country_named_in_passing(
    client: Client, article: Article
) -> None:
    make_alert("UA", "Invented crisis headline for Ukraine")
    make_alert("DE", "Invented crisis headline for Germany")
    response = client.get(article.get_absolute_url())
    assert banner_codes(response.content.decode()) == {"UA"}
    assert response.context["banner_countries"] == ["FR", "UA"]


def test_article_is_not_news_about_a_country_it_names_in_passing(
    client: Client, article: Article
) -> None:
    assert TITLE in client.get("/news/country/ua/").content.decode()
    assert TITLE not in client.get("/news/country/de/").content.decode()
    assert client.get("/api/v1/news?country=de").json()["results"] == []
    assert [a["id"] for a in client.get("/api/v1/news?country=ua").json()["results"]] == [
        article.pk
    ]


def test_country_page_news_section_leaves_out_articles_naming_it_in_passing(
    client: Client, article: Article
) -> None:
    assert TITLE in client.get("/countries/ukraine/").content.decode()
    assert TITLE not in client.get("/countries/germany/").content.decode()


def test_news_index_names_only_the_countries_an_article_concerns(
    client: Client, article: Article
) -> None:
    html = client.get("/news/").content.decode()
    meta = html[html.index("mission-item__meta") :]
    meta = meta[: meta.index("</span>")]
    assert "France" in meta and "Ukraine" in meta and "Germany" not in meta


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feeds_file_an_article_only_under_the_countries_it_concerns(
    client: Client, article: Article, kind: str
) -> None:
    (entry,) = feedparser.parse(client.get(f"/news/{kind}/").content).entries
    assert {t.term for t in entry.tags} == {"France", "Ukraine"}
    assert feedparser.parse(client.get(f"/news/country/de/{kind}/").content).entries == []
    ukraine = feedparser.parse(client.get(f"/news/country/ua/{kind}/").content).entries
    assert [e.title for e in ukraine] == [TITLE]


def test_retag_marks_countries_named_in_passing_and_credits_the_agency(tagger: None) -> None:
    """An article stored before the tagger said "in passing" is brought up to date."""
    old = make_article(TITLE, WHEN, {"FR": 1.0, "UA": 0.7, "DE": 0.2}, body=BODY, author="AFP")
    first, second = StringIO(), StringIO()
    call_command("news", "retag", stdout=first)
    old.refresh_from_db()
    assert dict(old.tags.values_list("country_id", "passing")) == {
        "FR": False,
        "UA": False,
        "DE": True,
    }
    assert (old.author, old.agency) == ("", "Agence France-Presse")
    assert "[FR, UA; in passing: DE]" in first.getvalue()
    call_command("news", "retag", str(old.pk), stdout=second)
    assert second.getvalue().strip() == "articles checked: 1, retagged: 0"
