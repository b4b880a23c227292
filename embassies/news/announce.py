"""An article changes its own page and its countries' (announced per transaction, see
lib/changes.py). Connected in NewsConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import pre_delete

from embassies.lib.changes import announce, announce_rows
from embassies.news.models import Article, ArticleCountry


def article_key(pk: Any) -> str:
    """The name an article's own page depends on."""
    return f"article:{pk}"


def _article_countries(article: Article) -> list[str]:
    tagged = ArticleCountry.objects.filter(article_id=article.pk).values_list(
        "country_id", flat=True
    )
    return [article_key(article.pk), article.primary_country_id or "", *tagged]


def _article_deleting(sender: Any, instance: Article, using: str, **kwargs: Any) -> None:
    """Before the delete: its tags go with it, and with them the countries it showed on."""
    announce(_article_countries(instance), using)


def connect() -> None:
    pre_delete.connect(_article_deleting, Article, dispatch_uid="changes")
    announce_rows(Article, _article_countries)
    announce_rows(ArticleCountry, lambda tag: [article_key(tag.article_id), tag.country_id])
