"""Small builders for news tests: every field a test relies on is passed explicitly."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.utils.text import slugify

from embassies.news.ingest import set_body
from embassies.news.models import Article, ArticleCountry
from tests.factories import make_country

# A news page saved as text (banner, breadcrumb, title, "Published on 14/11/2023"), written for
# these tests: an invented story about American and British consuls in Russia.
SAVED_PAGE = Path(__file__).resolve().parent / "fixtures" / "consular-visits-page.txt"
SAVED_TITLE = "US and UK envoys press Moscow on consular visits"

NAMES = {
    "RU": "Russia",
    "US": "United States",
    "GB": "United Kingdom",
    "FR": "France",
    "DE": "Germany",
    "UA": "Ukraine",
    "CA": "Canada",
}


def make_article(
    title: str,
    published: datetime,
    tags: dict[str, float],
    body: str = "<p>Text.</p>",
    **fields: object,
) -> Article:
    """An article tagged with `tags` (code -> score), the highest score primary."""
    article = Article(title=title, slug=slugify(title) or "article", published=published, **fields)
    set_body(article, body)
    article.save()
    for code, score in tags.items():
        ArticleCountry.objects.create(
            article=article, country=make_country(code, NAMES.get(code, code)), score=score
        )
    if tags:
        article.primary_country_id = max(tags, key=lambda code: tags[code])
        article.save(update_fields=["primary_country"])
    return article
