"""The news API: POST /api/v1/tag, GET /api/v1/news and GET /api/v1/news/{id}."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from embassies.api import news as api_news
from embassies.news.tagging import CountryTag, Tagging
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db


def test_tag_a_text_body(client: Client) -> None:
    response = client.post(
        "/api/v1/tag", "The Kremlin said Moscow would answer Washington.", content_type="text/plain"
    )
    assert response.status_code == 200
    assert response.json()["primary"] == "RU"
    assert [c["code"] for c in response.json()["countries"]] == ["RU", "US"]


def test_a_one_line_text_is_tagged_as_text_not_as_a_title(client: Client) -> None:
    # Its dateline is read ("Ga." is the United States), and a longer name ("Saudi German
    # Hospital") is no country, as in a whole article.
    wire = "AUGUSTA, Ga. (AP) — Jordan Spieth birdied the last three holes to win on Sunday."
    response = client.post("/api/v1/tag", wire, content_type="text/plain")
    assert response.json()["primary"] == "US"
    hospital = "The Saudi German Hospital in Cairo opened a new wing on Monday."
    response = client.post("/api/v1/tag", hospital, content_type="text/plain")
    assert [c["code"] for c in response.json()["countries"]] == ["EG"]


def test_tag_an_html_body(client: Client) -> None:
    html = "<html><body><article><h1>Paris talks</h1><p>French and German envoys met.</p></article></body></html>"
    response = client.post("/api/v1/tag", html, content_type="text/html")
    assert response.json()["primary"] == "FR"


def test_tag_errors_have_the_one_shape(client: Client, settings: object) -> None:
    empty = client.post("/api/v1/tag", "", content_type="text/plain")
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "invalid"
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100  # type: ignore[attr-defined]
    large = client.post("/api/v1/tag", "x" * 200, content_type="text/plain")
    assert large.status_code == 413 and large.json()["error"]["code"] == "too_large"


@pytest.fixture
def two_articles() -> tuple[int, int]:
    old = make_article("Kremlin answers", datetime(2024, 1, 1, tzinfo=UTC), {"RU": 1.0})
    new = make_article(
        "Paris and Kyiv",
        datetime(2024, 2, 1, tzinfo=UTC),
        {"FR": 1.0, "UA": 0.5},
        body="<p>Envoys from Kyiv met in Paris.</p>",
        source="Wire",
    )
    return old.pk, new.pk


def test_news_newest_first_filtered_by_country_and_words(
    client: Client, two_articles: tuple[int, int]
) -> None:
    old, new = two_articles
    everything = client.get("/api/v1/news").json()["results"]
    assert [a["id"] for a in everything] == [new, old]
    assert everything[0]["countries"] == [
        {"code": "FR", "name": "France", "score": 1.0, "passing": False},
        {"code": "UA", "name": "Ukraine", "score": 0.5, "passing": False},
    ]
    assert [a["id"] for a in client.get("/api/v1/news?country=ua").json()["results"]] == [new]
    assert [a["id"] for a in client.get("/api/v1/news?q=kremlin").json()["results"]] == [old]
    assert client.get("/api/v1/news?limit=1&offset=1").json()["results"][0]["id"] == old


def test_one_article_with_its_body_or_a_404(client: Client, two_articles: tuple[int, int]) -> None:
    _, new = two_articles
    found = client.get(f"/api/v1/news/{new}").json()
    assert found["body_html"] == "<p>Envoys from Kyiv met in Paris.</p>"
    assert found["url"] == f"http://testserver/news/{new}-paris-and-kyiv/"
    assert (found["primary"], found["source"]) == ("FR", "Wire")
    missing = client.get("/api/v1/news/999999")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/news?country=RUS").status_code == 422


def test_an_offset_no_database_can_take_is_422(client: Client) -> None:
    response = client.get("/api/v1/news?offset=21264756472541840670720")
    assert response.status_code == 422
    assert set(response.json()["error"]) == {"code", "message", "details"}


def test_a_document_that_looks_like_json_but_is_not_is_422(client: Client) -> None:
    response = client.post("/api/v1/tag", b"{Y\xc2\x8a", content_type="text/html")
    assert response.status_code == 422


def test_tag_answers_say_which_countries_are_named_in_passing(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The response schema keeps the tagger's flag (a schema without it would drop it)."""
    answer = Tagging(
        (CountryTag("FR", "France", 1.0, 2), CountryTag("DE", "Germany", 0.3, 1, passing=True)),
        "FR",
    )
    monkeypatch.setattr(api_news, "tag_document", lambda *args: answer)
    response = client.post("/api/v1/tag", "Any text at all.", content_type="text/plain")
    assert [(c["code"], c["passing"]) for c in response.json()["countries"]] == [
        ("FR", False),
        ("DE", True),
    ]


def test_the_openapi_schema_documents_passing_and_agency(client: Client) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    country = schemas["TagCountryOut"]
    assert country["properties"]["passing"]["type"] == "boolean"
    assert "passing" in country["required"]
    assert "agency" in schemas["ArticleOut"]["properties"]
