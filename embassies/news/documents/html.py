"""An article page in HTML: trafilatura finds the article among menus, ads and footers."""

from __future__ import annotations

import re

import trafilatura

from embassies.news.bounds import bounded_html
from embassies.news.documents.chrome import is_chrome
from embassies.news.documents.dates import parse_date
from embassies.news.documents.draft import Draft
from embassies.news.sanitize import html_to_text

# The publication date (not the last change), with its time when the page gives one.
_DATES = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True, "extensive_search": True}
_BLOCK = re.compile(r"<(p|h1|h2|h3|h4|blockquote|li)\b[^>]*>(.*?)</\1>", re.DOTALL)


def _drop_chrome(body: str, title: str) -> str:
    """Banner, breadcrumb and the repeated title sometimes survive extraction."""

    def keep(match: re.Match[str]) -> str:
        text = html_to_text(match.group(2))
        return "" if is_chrome(text, title) else match.group(0)

    return _BLOCK.sub(keep, body)


def extract_body(markup: str, url: str = "") -> str:
    """The article's HTML (paragraphs, headings, quotes, lists, links); "" when none is found.

    MarkupRefused (a ValueError) for a page too large or too deeply nested to parse."""
    found = trafilatura.extract(
        bounded_html(markup),
        url=url or None,
        output_format="html",
        include_formatting=True,
        include_links=True,
        include_images=False,
        include_tables=False,
        include_comments=False,
    )
    return found or ""


def article_body(markup: str, url: str, title: str) -> str:
    """The article's HTML without the site's banner, breadcrumb or repeated title."""
    body = extract_body(markup, url)
    return _drop_chrome(body, title) if body else ""


def read_html(markup: str, url: str = "") -> Draft:
    bounded = bounded_html(markup)  # extract_body bounds it again: linear, and refuses first
    meta = trafilatura.extract_metadata(bounded, default_url=url or None, date_config=_DATES)
    body = extract_body(bounded, url)
    if not body:
        raise ValueError("no article text found in the page")
    title = (meta.title if meta else "") or ""
    return Draft(
        title=title.strip(),
        body_html=_drop_chrome(body, title),
        published=parse_date(meta.date) if meta and meta.date else None,
        source=(meta.sitename if meta else "") or "",
        source_url=url or (meta.url if meta else "") or "",
        author=(meta.author if meta else "") or "",
        image_url=(meta.image if meta else "") or "",
    )
