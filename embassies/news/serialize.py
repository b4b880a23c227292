"""The one JSON shape of an article, shared by the API and `embassies news add --json`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from embassies.news.models import Article


def _url(path: str, request: HttpRequest | None) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def tags_of(article: Article) -> list[dict[str, Any]]:
    """Every tagged country, primary first, those named only in passing marked as such
    (expects `queries.with_tags`): pages show fewer, the API says why."""
    return [
        {"code": t.country_id, "name": t.country.name, "score": t.score, "passing": t.passing}
        for t in article.tags.all()
    ]


def article_to_dict(
    article: Article, request: HttpRequest | None = None, *, body: bool = False
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": article.pk,
        "url": _url(article.get_absolute_url(), request),
        "title": article.title,
        "published": article.published.isoformat(),
        "source": article.source or None,
        "source_url": article.source_url or None,
        "author": article.author or None,
        "agency": article.agency or None,
        "image": {"url": article.image_url, "credit": article.image_credit or None}
        if article.image_url
        else None,
        "countries": tags_of(article),
        "primary": article.primary_country_id,
    }
    if body:
        found["body_html"] = article.body_html
    return found
