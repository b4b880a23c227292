"""Clean article HTML with nh3 (the Ammonia sanitiser): paragraphs, subheadings, quotes, lists
and links survive; scripts, styles, attributes and everything else go."""

from __future__ import annotations

import hashlib
import html
import re

import nh3

from embassies.lib.text import normalize
from embassies.news.bounds import bounded_html

TAGS = {"p", "h2", "h3", "blockquote", "q", "em", "strong", "a", "ul", "ol", "li"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Close relatives of the kept tags, renamed rather than stripped so their meaning stays.
_RENAMES = {"b": "strong", "i": "em", "h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3"}
_RENAMED = re.compile(r"<(/?)(b|i|h1|h4|h5|h6)(?=[\s/>])", re.IGNORECASE)
_DOUBLE_BREAK = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPTY = re.compile(r"<(p|h2|h3|blockquote|li)>\s*</\1>")
_BLOCK_END = re.compile(r"</(p|h2|h3|blockquote|li)>")
_BLOCK_TAG = re.compile(r"<(/?)(p|h2|h3|blockquote|ul|ol)>")


def _rename(match: re.Match[str]) -> str:
    return f"<{match.group(1)}{_RENAMES[match.group(2).lower()]}"


def _wrap_loose(cleaned: str) -> str:
    """Text and inline tags between blocks ("<h2>A</h2>Some <em>text</em>") become paragraphs."""
    pieces: list[str] = []
    depth = start = 0
    for tag in _BLOCK_TAG.finditer(cleaned):
        if not tag.group(1) and depth == 0:
            pieces.append(_paragraph(cleaned[start : tag.start()]))
            start = tag.start()
        depth += -1 if tag.group(1) else 1
        if tag.group(1) and depth == 0:
            pieces.append(cleaned[start : tag.end()])
            start = tag.end()
    return "".join([*pieces, _paragraph(cleaned[start:])])


def _paragraph(loose: str) -> str:
    return f"<p>{loose.strip()}</p>" if loose.strip() else ""


def clean_html(raw: str) -> str:
    """Safe HTML for an article body; loose text is wrapped in paragraphs.

    MarkupRefused (a ValueError) for a document too large or too deeply nested to parse."""
    bounded = bounded_html(raw)
    prepared = _BREAK.sub(" ", _DOUBLE_BREAK.sub("</p><p>", _RENAMED.sub(_rename, bounded)))
    cleaned = nh3.clean(
        prepared,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return _EMPTY.sub("", _wrap_loose(_EMPTY.sub("", cleaned)))


def html_to_text(body_html: str) -> str:
    """Plain text of an article body, one line per block."""
    bounded = bounded_html(body_html)
    text = html.unescape(nh3.clean(_BLOCK_END.sub(r"</\1>\n", bounded), tags=set()))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def text_to_html(text: str) -> str:
    """Plain text (paragraphs separated by line breaks) as paragraphs."""
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)


def content_hash(title: str, text: str) -> str:
    """Same words, same hash: catches one story republished under another URL."""
    return hashlib.sha256(f"{normalize(title)}\n{normalize(text)}".encode()).hexdigest()
