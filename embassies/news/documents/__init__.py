"""Read one article from bytes (a file, a download, a request body): HTML, JSON or page text."""

from __future__ import annotations

import codecs
import re

from embassies.news.documents.draft import Draft
from embassies.news.documents.html import read_html
from embassies.news.documents.jsondoc import read_json
from embassies.news.documents.pagetext import read_page_text

__all__ = ["Draft", "decode", "read_document"]

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_HTML = re.compile(r"<(?:!doctype html|html|head|body|article|p|div|h1)\b", re.IGNORECASE)


def _declared(content_type: str) -> str | None:
    match = _CHARSET.search(content_type)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def decode(data: bytes, content_type: str = "") -> str:
    """UTF-8 unless a BOM or the Content-Type says otherwise; Windows-1252 as the last resort."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    for encoding in (_declared(content_type), "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return data.decode("cp1252", "replace")


def kind_of(text: str, content_type: str = "") -> str:
    """ "json", "html" or "text", from the Content-Type or, for files, from the content."""
    if "json" in content_type or text.lstrip().startswith("{"):
        return "json"
    if "html" in content_type or _HTML.search(text[:4000]):
        return "html"
    return "text"


def read_document(data: bytes, url: str = "", content_type: str = "") -> Draft:
    """A draft article; ValueError when nothing readable is there."""
    text = decode(data, content_type)
    kind = kind_of(text, content_type)
    if kind == "json":
        draft = read_json(text, url)
    elif kind == "html":
        draft = read_html(text, url)
    else:
        draft = read_page_text(text).but(source_url=url)
    if not draft.title:
        raise ValueError("the document has no title")
    return draft
