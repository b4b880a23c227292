"""Tag a whole document as it arrives (bytes of text, HTML or JSON): `embassies tag` and
POST /api/v1/tag. Site chrome and markup are removed first, so only the article is tagged."""

from __future__ import annotations

from embassies.news.bounds import MarkupRefused
from embassies.news.documents import decode, kind_of
from embassies.news.documents.html import read_html
from embassies.news.documents.jsondoc import read_json
from embassies.news.documents.pagetext import read_page_text
from embassies.news.sanitize import clean_html, html_to_text
from embassies.news.tagging import Tagging, tag_text


def tag_document(data: bytes, content_type: str = "") -> Tagging:
    """ValueError for a document that cannot be read (MarkupRefused: one too big to parse)."""
    text = decode(data, content_type)
    kind = kind_of(text, content_type)
    if kind == "json":
        draft = read_json(text)
    elif kind == "html":
        try:
            draft = read_html(text)
        except MarkupRefused:
            raise
        except ValueError:  # no article found: tag whatever text the page has
            return tag_text(html_to_text(clean_html(text)))
    else:
        draft = read_page_text(text)
    body = html_to_text(clean_html(draft.body_html))
    # A document of one line has no title: that line is its text, where a dateline is read.
    return tag_text(body, title=draft.title) if body.strip() else tag_text(draft.title)
