"""Store one article: clean it, tag it, skip it when we have it already. The one way in for
the command line, feeds and the API."""

from __future__ import annotations

import logging
import operator
from dataclasses import dataclass
from functools import reduce
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from embassies.countries.models import Country
from embassies.lib.changes import countries_changed
from embassies.lib.text import normalize
from embassies.lib.urls import web_url
from embassies.news.announce import article_key
from embassies.news.bounds import MarkupRefused
from embassies.news.credit import byline, credited
from embassies.news.documents import Draft
from embassies.news.models import Article, ArticleCountry, Feed
from embassies.news.sanitize import clean_html, content_hash, html_to_text
from embassies.news.tagging import Tagging, tag_text

log = logging.getLogger(__name__)


class IngestError(ValueError):
    """An article that cannot be stored: no title, no text."""


@dataclass(frozen=True)
class Ingested:
    article: Article
    created: bool
    reason: str  # "added", or why it was skipped: "same GUID", "same URL", "same content"


def duplicate_of(guid: str, url: str, digest: str = "") -> tuple[Article, str] | None:
    """An article we already hold, by GUID, then source URL, then content (one query)."""
    checks = [
        ("same GUID", "guid", guid),
        ("same URL", "source_url", url),
        ("same content", "content_hash", digest),
    ]
    wanted = [Q(**{field: value}) for _, field, value in checks if value]
    if not wanted:
        return None
    found = list(Article.objects.filter(reduce(operator.or_, wanted)).order_by("id")[:10])
    for reason, field, value in checks:
        match = next((a for a in found if value and getattr(a, field) == value), None)
        if match is not None:
            return match, reason
    return None


def searchable(title: str, text: str) -> str:
    """Normalised words with a space at each end, so a search can match word starts."""
    return f" {normalize(title + ' ' + text)} "


def set_body(article: Article, raw_html: str) -> None:
    """Sanitise the body and derive what depends on it: plain text, search words, hash."""
    article.body_html = clean_html(raw_html)
    article.body_text = html_to_text(article.body_html)
    article.search_text = searchable(article.title, article.body_text)
    article.content_hash = content_hash(article.title, article.body_text)


def _article(draft: Draft, feed: Feed | None) -> Article:
    title = " ".join(draft.title.split())[:500]
    # A link or image that is not a clean http(s) URL is dropped; the article is kept.
    source_url, image_url = web_url(draft.source_url[:1000]), web_url(draft.image_url[:1000])
    article = Article(
        title=title,
        slug=slugify(title)[:200] or "article",
        published=draft.published or timezone.now(),
        source=draft.source[:200] or urlsplit(source_url).hostname or "",
        source_url=source_url,
        guid=draft.guid[:1000],
        image_url=image_url,
        image_credit=draft.image_credit[:300] if image_url else "",
        feed=feed,
    )
    set_body(article, draft.body_html)
    set_credit(article, draft.author)
    return article


def set_credit(article: Article, author: str) -> None:
    """Split the byline into its person and its agency ("Jane Doe, AP"), and credit the agency
    the text or the address names: `author` holds a person only, never "AFP"."""
    person, _ = byline(author)
    article.author = person[:300]
    found = credited(article.body_text, author, article.source, article.source_url)
    article.agency = found.name if found else ""


Row = tuple[str, float, bool]  # a tag as stored: country code, score, named only in passing


def _tags_for(tagging: Tagging) -> tuple[str | None, list[Row]]:
    """The primary country and the tags to store: only countries that exist as rows."""
    known = set(Country.objects.filter(code__in=tagging.codes()).values_list("code", flat=True))
    primary = tagging.primary if tagging.primary in known else None
    return primary, [(c.code, c.score, c.passing) for c in tagging.countries if c.code in known]


def _store_tags(article: Article, primary: str | None, rows: list[Row]) -> None:
    article.primary_country_id = primary
    article.save()
    ArticleCountry.objects.bulk_create(
        ArticleCountry(article=article, country_id=code, score=score, passing=passing)
        for code, score, passing in rows
    )


def save_tags(article: Article, tagging: Tagging) -> None:
    """Link the tagged countries that exist as rows; the primary one on the article itself."""
    primary, rows = _tags_for(tagging)
    _store_tags(article, primary, rows)
    countries_changed([article_key(article.pk), *(code for code, _, _ in rows)])  # bulk: no signals


def retag(article: Article) -> bool:
    """Tag a stored article again with today's tagger (which countries it names only in passing
    too), and credit its agency if none is stored yet. Countries an editor set are kept
    (`tags_edited`); True when anything changed, and nothing is saved when nothing did."""
    stored = [
        (t.country_id, t.score, t.passing) for t in ArticleCountry.objects.filter(article=article)
    ]
    if article.tags_edited:
        primary, rows = article.primary_country_id, stored
    else:
        primary, rows = _tags_for(tag_text(article.body_text, title=article.title))
    credit_before = (article.author, article.agency)
    if not article.agency:
        set_credit(article, article.author)
    same_tags = primary == article.primary_country_id and sorted(rows) == sorted(stored)
    if same_tags and credit_before == (article.author, article.agency):
        return False
    with transaction.atomic():
        ArticleCountry.objects.filter(article=article).delete()
        _store_tags(article, primary, rows)
        codes = {code for code, _, _ in rows + stored}
        countries_changed([article_key(article.pk), *sorted(codes)])
    return True


def ingest(draft: Draft, feed: Feed | None = None) -> Ingested:
    """Clean, de-duplicate, tag and store a draft; IngestError when it has no title or text,
    or a body too large or too deeply nested to parse."""
    try:
        article = _article(draft, feed)
    except MarkupRefused as error:
        raise IngestError(str(error)) from error
    if not article.title or not article.body_text:
        raise IngestError("an article needs a title and some text")
    found = duplicate_of(article.guid, article.source_url, article.content_hash)
    if found is not None:
        return Ingested(found[0], False, found[1])
    try:
        tagging = tag_text(article.body_text, title=article.title)
        with transaction.atomic():
            save_tags(article, tagging)
    except IntegrityError:  # the same URL stored meanwhile by another process
        existing = duplicate_of("", article.source_url)
        if existing is None:
            raise
        return Ingested(existing[0], False, existing[1])
    log.info("news: added %r (%s)", article.title, article.primary_country_id or "no country")
    return Ingested(article, True, "added")
