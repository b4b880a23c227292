"""From a feed entry to a draft article, following the link when the feed holds a summary."""

from __future__ import annotations

import calendar
import logging
from datetime import UTC, datetime
from typing import Any

import requests
from django.conf import settings

from embassies.lib.http import FetchError, Refused, fetch_response
from embassies.news.bounds import MarkupRefused
from embassies.news.documents import Draft, decode
from embassies.news.documents.html import article_body
from embassies.news.sanitize import clean_html, html_to_text

log = logging.getLogger(__name__)

# Feeds that carry the article give far more than this; a teaser gives a sentence or two.
SUMMARY_CHARS = 600


def _when(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC) if parsed else None


def _image(entry: Any) -> tuple[str, str]:
    """Lead image and credit from Media RSS or an image enclosure."""
    media = [*entry.get("media_content", []), *entry.get("media_thumbnail", [])]
    enclosures = [
        e for e in entry.get("enclosures", []) if str(e.get("type", "")).startswith("image/")
    ]
    url = next(
        (
            str(m.get("url") or m.get("href"))
            for m in media + enclosures
            if m.get("url") or m.get("href")
        ),
        "",
    )
    credits = entry.get("media_credit") or []
    return url, str(credits[0].get("content", "")) if credits and url else ""


def _content(entry: Any) -> tuple[str, bool]:
    """The entry's HTML, and whether it is the whole article rather than a summary."""
    full = entry.get("content") or []
    if full and full[0].get("value"):
        return str(full[0]["value"]), True
    return str(entry.get("summary", "")), False


def entry_draft(entry: Any, source: str) -> tuple[Draft, bool]:
    """The draft, and whether its body is only a summary worth replacing by the full text."""
    body, complete = _content(entry)
    image_url, image_credit = _image(entry)
    draft = Draft(
        title=" ".join(str(entry.get("title", "")).split()),
        body_html=body,
        published=_when(entry),
        source=source,
        source_url=str(entry.get("link", "")),
        guid=str(entry.get("id", "")),
        author=str(entry.get("author", "")),
        image_url=image_url,
        image_credit=image_credit,
    )
    try:
        short = len(html_to_text(clean_html(body))) < SUMMARY_CHARS
    except MarkupRefused:  # a hostile body: never followed, and refused by ingest with the reason
        short = False
    followable = draft.source_url.startswith(("http://", "https://"))
    return draft, not complete and short and followable


def with_full_text(draft: Draft) -> Draft:
    """The draft with the article's text from its page; unchanged when that fails.

    Raises Refused for a link we will not follow: such an entry is hostile, not published."""
    try:
        page = fetch_response(
            draft.source_url,
            max_bytes=settings.NEWS_MAX_BYTES,
            max_seconds=settings.NEWS_FETCH_SECONDS,
        )
    except Refused:
        raise
    except (FetchError, requests.RequestException) as error:
        log.warning("news: full text of %s not fetched: %s", draft.source_url, error)
        return draft
    markup = decode(page.body, page.headers.get("Content-Type", ""))
    try:
        body = article_body(markup, page.url, draft.title)
    except MarkupRefused as error:
        log.warning("news: page of %s not read: %s", draft.source_url, error)
        return draft
    return draft.but(body_html=body) if body else draft
