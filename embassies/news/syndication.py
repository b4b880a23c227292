"""Atom and RSS feeds of all news and of each country's news (Django's syndication framework)."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from embassies.countries.models import Country
from embassies.news import queries
from embassies.news.models import Article

ITEMS = 30


class LatestNewsRss(Feed[Article, None]):
    title = "Diplomatic news"
    description = "The latest news about the world's countries and their relations."

    def link(self) -> str:
        return reverse("news:index")

    def items(self) -> QuerySet[Article]:
        return queries.newest()[:ITEMS]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.body_html

    def item_pubdate(self, item: Article) -> datetime:
        return item.published

    def item_author_name(self, item: Article) -> str | None:
        return item.author or item.source or None

    def item_categories(self, item: Article) -> list[str]:
        return [t.country.name for t in item.tags.all()]


class LatestNewsAtom(LatestNewsRss):
    feed_type = Atom1Feed
    subtitle = LatestNewsRss.description


class CountryNewsRss(Feed[Article, Country]):
    def get_object(self, request: HttpRequest, code: str) -> Country:
        return get_object_or_404(Country, code=code.upper())

    def title(self, obj: Country) -> str:
        return f"News about {obj.name}"

    def description(self, obj: Country) -> str:
        return f"The latest news about {obj.name}."

    def link(self, obj: Country) -> str:
        return reverse("news:country", kwargs={"code": obj.code.lower()})

    def items(self, obj: Country) -> QuerySet[Article]:
        return queries.about(obj.code)[:ITEMS]

    item_title = LatestNewsRss.item_title
    item_description = LatestNewsRss.item_description
    item_pubdate = LatestNewsRss.item_pubdate
    item_author_name = LatestNewsRss.item_author_name
    item_categories = LatestNewsRss.item_categories


class CountryNewsAtom(CountryNewsRss):
    feed_type = Atom1Feed

    def subtitle(self, obj: Country) -> str:
        return self.description(obj)
