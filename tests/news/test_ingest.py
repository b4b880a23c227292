"""`ingest`: one way in for every article, with de-duplication by GUID, URL and content."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from embassies.news.documents import Draft
from embassies.news.ingest import IngestError, ingest
from embassies.news.models import Article
from tests.factories import make_country

pytestmark = pytest.mark.django_db
WHEN = datetime(2024, 2, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def countries() -> None:
    for code, name in (("FR", "France"), ("DE", "Germany")):
        make_country(code, name)


def draft(**fields: object) -> Draft:
    values: dict[str, object] = {
        "title": "France and Germany agree",
        "body_html": "<p>Paris and Berlin signed a pact in Berlin; French officials were glad.</p>",
        "published": WHEN,
    }
    return Draft(**(values | fields))  # type: ignore[arg-type]


def test_stored_cleaned_and_tagged() -> None:
    result = ingest(draft(body_html="<p>Paris and Berlin met.<script>x()</script></p>"))
    article = result.article
    assert (result.created, result.reason) == (True, "added")
    assert article.body_html == "<p>Paris and Berlin met.</p>"
    assert article.slug == "france-and-germany-agree"
    assert article.primary_country_id == "FR"
    assert sorted(article.tags.values_list("country_id", flat=True)) == ["DE", "FR"]


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        ({"guid": "g-1"}, {"guid": "g-1", "title": "Other"}, "same GUID"),
        (
            {"source_url": "https://a.example/1"},
            {"source_url": "https://a.example/1", "title": "B"},
            "same URL",
        ),
        (
            {"source_url": "https://a.example/1"},
            {"source_url": "https://b.example/9"},
            "same content",
        ),
    ],
)
def test_duplicates_are_not_stored_twice(first: dict, second: dict, reason: str) -> None:
    original = ingest(draft(**first)).article
    again = ingest(draft(**second))
    assert (again.created, again.reason, again.article.pk) == (False, reason, original.pk)
    assert Article.objects.count() == 1


def test_an_article_needs_a_title_and_text() -> None:
    with pytest.raises(IngestError):
        ingest(draft(title=" "))
    with pytest.raises(IngestError):
        ingest(draft(body_html="<script>only()</script>"))


def test_untagged_text_and_unicode_titles_still_get_an_address() -> None:
    article = ingest(draft(title="Новости", body_html="<p>Nothing about any country.</p>")).article
    assert article.slug == "article"
    assert article.primary_country is None
    assert article.get_absolute_url() == f"/news/{article.pk}-article/"
