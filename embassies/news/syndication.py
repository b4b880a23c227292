"""Atom and RSS feeds of all news and of each country's news (Django's syndication framework).

Each entry credits whom the story is owed to (its byline, agency and publisher, with a link
to the original) and is filed under the countries it concerns, not those named in passing."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html
from django.utils.translation import gettext, gettext_lazy

from embassies.countries.models import Country
from embassies.directory.titles import country_name
from embassies.lib.urls import web_url
from embassies.news import queries
from embassies.news.credit import Credit
from embassies.news.models import Article

ITEMS = 30


def credit_paragraph(credit: Credit) -> str:
    """ "<p>Source: <a href=original>Reuters via The Straits Times</a></p>", or "" when the
    article names no one."""
    if not credit.organisation:
        return ""
    original = web_url(credit.original_url)
    named = (
        format_html('<a href="{}" rel="nofollow">{}</a>', original, credit.organisation)
        if original
        else format_html("{}", credit.organisation)
    )
    # Translators: ends a news feed entry; %(credit)s is "Reuters via The Straits Times",
    # linked to the original article.
    sentence = gettext("Source: %(credit)s")
    # The sentence is escaped as text; only the link put into it is markup.
    return "<p>" + escape(sentence) % {"credit": named} + "</p>"


class LatestNewsRss(Feed[Article, None]):
    title = gettext_lazy("Diplomatic news")
    description = gettext_lazy("The latest news about the world's countries and their relations.")

    def link(self) -> str:
        return reverse("news:index")

    def items(self) -> QuerySet[Article]:
        return queries.newest()[:ITEMS]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.body_html + credit_paragraph(item.credit)

    def item_pubdate(self, item: Article) -> datetime:
        return item.published

    def item_author_name(self, item: Article) -> str | None:
        """The person who wrote it, else the agency or publisher: never this site."""
        return item.credit.author or None

    def item_author_link(self, item: Article) -> str | None:
        credit = item.credit
        if credit.person:
            return None
        agency_site = credit.agency.url if credit.agency else ""
        return web_url(agency_site or credit.publisher_url) or None

    def item_categories(self, item: Article) -> list[str]:
        return [country_name(t.country) for t in item.concerned_tags()]


class LatestNewsAtom(LatestNewsRss):
    feed_type = Atom1Feed
    subtitle = LatestNewsRss.description


class CountryNewsRss(Feed[Article, Country]):
    def get_object(self, request: HttpRequest, code: str) -> Country:
        return get_object_or_404(Country, code=code.upper())

    def title(self, obj: Country) -> str:
        return gettext("News about %(country)s") % {"country": country_name(obj)}

    def description(self, obj: Country) -> str:
        return gettext("The latest news about %(country)s.") % {"country": country_name(obj)}

    def link(self, obj: Country) -> str:
        return reverse("news:country", kwargs={"code": obj.code.lower()})

    def items(self, obj: Country) -> QuerySet[Article]:
        return queries.about(obj.code)[:ITEMS]

    item_title = LatestNewsRss.item_title
    item_description = LatestNewsRss.item_description
    item_pubdate = LatestNewsRss.item_pubdate
    item_author_name = LatestNewsRss.item_author_name
    item_author_link = LatestNewsRss.item_author_link
    item_categories = LatestNewsRss.item_categories


class CountryNewsAtom(CountryNewsRss):
    feed_type = Atom1Feed

    def subtitle(self, obj: Country) -> str:
        return self.description(obj)
