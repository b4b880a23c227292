"""Diplomatic news: `embassies news add PATH|URL [--json]` stores one article (HTML page,
saved page text or JSON), `embassies news fetch` polls every active feed,
`embassies news retag [ID ...]` tags stored articles again with the current tagger, and
`embassies news feeds add URL` / `embassies news feeds list` manage the feeds."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from embassies.lib.http import FetchError
from embassies.news import queries
from embassies.news.documents import read_document
from embassies.news.feeds.poll import fetch_all
from embassies.news.ingest import ingest, retag
from embassies.news.models import Article, Feed
from embassies.news.serialize import article_to_dict
from embassies.news.sources import load


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = actions.add_parser("add", help="Store one article from a file or a URL.")
        add.add_argument("source", metavar="PATH|URL", help="HTML, saved page text or JSON.")
        add.add_argument("--json", action="store_true", help="Print the stored article as JSON.")
        actions.add_parser("fetch", help="Poll every active feed; report what each added.")
        retag = actions.add_parser(
            "retag",
            help="Tag stored articles again (countries named in passing too) and credit their "
            "agency if none is stored; countries an editor set are kept.",
        )
        retag.add_argument("ids", nargs="*", type=int, metavar="ID", help="Articles (all if none).")
        feeds = actions.add_parser("feeds", help="Register and list feeds.")
        feed_actions = feeds.add_subparsers(dest="feeds_action", required=True, metavar="ACTION")
        feed_add = feed_actions.add_parser("add", help="Register an RSS or Atom feed.")
        feed_add.add_argument("url", help="The feed's URL.")
        feed_add.add_argument("--title", default="", help="A name for the feed.")
        feed_actions.add_parser("list", help="List feeds and how their last fetch went.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "feeds":
            action = f"feeds_{options['feeds_action']}"
        getattr(self, action)(options)

    def add(self, options: dict[str, Any]) -> None:
        try:
            loaded = load(options["source"])
            result = ingest(read_document(loaded.data, loaded.url, loaded.content_type))
        except (OSError, ValueError, FetchError) as error:
            raise CommandError(str(error)) from error
        article = queries.article(result.article.pk) or result.article
        if options["json"]:
            found = article_to_dict(article) | {"status": result.reason}
            self.stdout.write(json.dumps(found, ensure_ascii=False))
            return
        self.stdout.write(f"{result.reason}: {_tag_line(article)}")

    def fetch(self, options: dict[str, Any]) -> None:
        reports = fetch_all()
        for report in reports:
            self.stdout.write(report.line())
            for line in report.entry_lines():
                self.stdout.write(f"  {line}")
        added = sum(r.added for r in reports)
        refused = sum(r.status.startswith("refused") for r in reports)
        self.stdout.write(f"{len(reports)} feeds: {added} articles added, {refused} feeds refused")

    def retag(self, options: dict[str, Any]) -> None:
        articles = Article.objects.order_by("id")
        if options["ids"]:
            articles = articles.filter(pk__in=options["ids"])
        checked = changed = 0
        for article in articles.iterator():
            checked += 1
            if retag(article):
                changed += 1
                self.stdout.write(f"retagged: {_tag_line(article)}")
        self.stdout.write(f"articles checked: {checked}, retagged: {changed}")

    def feeds_add(self, options: dict[str, Any]) -> None:
        url = options["url"].strip()
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise CommandError(f"{url!r} is not an http(s) URL") from error
        feed, created = Feed.objects.get_or_create(url=url, defaults={"title": options["title"]})
        self.stdout.write(f"{'added' if created else 'already registered'}: {feed.url}")

    def feeds_list(self, options: dict[str, Any]) -> None:
        for feed in Feed.objects.all():
            state = "active" if feed.active else "paused"
            self.stdout.write(f"{feed.url}  [{state}]  {feed.last_result or 'never fetched'}")


def _tag_line(article: Article) -> str:
    """ "Title [FR, UA; in passing: DE] /news/12-title/": concerned countries, then the rest."""
    tags = list(article.tags.all())
    codes = ", ".join(t.country_id for t in tags if not t.passing) or "no country"
    passing = ", ".join(t.country_id for t in tags if t.passing)
    named = f"{codes}; in passing: {passing}" if passing else codes
    return f"{article.title} [{named}] {article.get_absolute_url()}"
