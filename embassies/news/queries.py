"""Reading articles back: newest first, per country, by words, with their tags loaded."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from embassies.lib.text import normalize
from embassies.news.models import Article, ArticleCountry

MAX_SEARCH_WORDS = 8
# Words too common to narrow a news search; the directory's own words (embassy) stay.
_QUIET = frozenset(["a", "an", "and", "at", "de", "du", "in", "of", "on", "or", "the", "to"])


def with_tags(articles: QuerySet[Article]) -> QuerySet[Article]:
    tags = ArticleCountry.objects.select_related("country").order_by("-score")
    return articles.select_related("primary_country").prefetch_related(Prefetch("tags", tags))


def newest() -> QuerySet[Article]:
    return with_tags(Article.objects.order_by("-published", "-id"))


def about(code: str) -> QuerySet[Article]:
    """Articles about a country, newest first: one that only names it in passing is not news
    about it (one filter call, so both conditions hold for the same tag)."""
    return newest().filter(tags__country_id=code.upper(), tags__passing=False)


def latest_about(code: str, limit: int = 5) -> list[Article]:
    return list(about(code)[:limit])


def words(query: str) -> list[str]:
    return [w for w in normalize(query).split() if w not in _QUIET][:MAX_SEARCH_WORDS]


def matching(query: str, country: str | None = None) -> QuerySet[Article]:
    """Articles holding every word of the query (accents and case ignored), newest first."""
    found = about(country) if country else newest()
    for word in words(query):  # stored with spaces around every word: this matches word starts
        found = found.filter(search_text__contains=f" {word}")
    return found


def search(query: str, limit: int = 10) -> list[Article]:
    """The search page's news results; nothing for a query with no meaningful word."""
    return list(matching(query)[:limit]) if words(query) else []


def article(pk: int) -> Article | None:
    return with_tags(Article.objects.filter(pk=pk)).first()
