"""sitemap.xml: every mission, both pages of every country, every article and the fixed pages,
as an index of sections (django.contrib.sitemaps pages each section at 50,000 URLs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from embassies.countries.models import Country
from embassies.directory.models import Mission
from embassies.news.models import Article
from embassies.web.present import page_url

# The protocol's own ceiling; tests lower it to see the index split.
MAX_URLS = 50_000


class MissionSitemap(Sitemap[Mission]):
    limit = MAX_URLS

    def items(self) -> QuerySet[Mission]:
        return Mission.objects.only("pk", "slug", "updated_at").order_by("pk")

    def location(self, item: Mission) -> str:
        return page_url(item)

    def lastmod(self, item: Mission) -> datetime:
        return item.updated_at


class CountrySitemap(Sitemap[tuple[str, str]]):
    """Both directions of every country: "in Russia" and "Russia's abroad"."""

    limit = MAX_URLS

    def items(self) -> list[tuple[str, str]]:
        slugs = Country.objects.order_by("code").values_list("slug", flat=True)
        return [(route, slug) for slug in slugs for route in ("web:country", "web:country_abroad")]

    def location(self, item: tuple[str, str]) -> str:
        return reverse(item[0], kwargs={"slug": item[1]})


class ArticleSitemap(Sitemap[Article]):
    limit = MAX_URLS

    def items(self) -> QuerySet[Article]:
        return Article.objects.only("pk", "slug", "published").order_by("pk")

    def lastmod(self, item: Article) -> datetime:
        return item.published


class PageSitemap(Sitemap[str]):
    def items(self) -> list[str]:
        return ["web:home", "web:search", "web:find", "news:index", "alerts:index"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, Any] = {
    "pages": PageSitemap,
    "countries": CountrySitemap,
    "missions": MissionSitemap,
    "news": ArticleSitemap,
}
