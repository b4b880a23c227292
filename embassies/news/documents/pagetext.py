"""A saved page's text, like the seed: banner, breadcrumb, title, "Published on 21/03/2018",
then the article, one paragraph a line, with AFP-style subheadings between dashes."""

from __future__ import annotations

import html
import re

from embassies.news.documents.chrome import breadcrumb_title, is_chrome
from embassies.news.documents.dates import parse_date
from embassies.news.documents.draft import Draft

_PUBLISHED = re.compile(r"^(?:published|posted)(?:\s+on)?\s*:?\s*(.+)$", re.IGNORECASE)
_SUBHEAD = re.compile(r"^[–—-]+\s*(.+?)\s*[–—-]+$")
_QUOTES = "‘’“”'\"«»"
MAX_SUBHEAD = 120


def line_html(line: str) -> str:
    subhead = _SUBHEAD.match(line)
    if subhead and len(line) <= MAX_SUBHEAD:
        return f"<h2>{html.escape(subhead.group(1).strip(_QUOTES).strip())}</h2>"
    return f"<p>{html.escape(line)}</p>"


def _dateline(lines: list[str]) -> int | None:
    """Index of the "Published on ..." line, if the page has one with a readable date."""
    for index, line in enumerate(lines):
        match = _PUBLISHED.match(line)
        if match and parse_date(match.group(1)):
            return index
    return None


def _title(lines: list[str]) -> str:
    """The line before the date, else the breadcrumb's last part, else the first real line."""
    for line in lines:
        if crumb := breadcrumb_title(line):
            return crumb
    return next((line for line in lines if not is_chrome(line, "")), "")


def read_page_text(text: str) -> Draft:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = _dateline(lines)
    if at is None:  # no dateline: the first real line is the title, the rest the body
        title = _title(lines)
        body = lines[lines.index(title) + 1 :] if title in lines else lines
        published = None
    else:
        head, body = lines[:at], lines[at + 1 :]
        title = head[-1] if head and not is_chrome(head[-1], "") else _title(head)
        published = parse_date(_PUBLISHED.sub(r"\1", lines[at]))
    paragraphs = [line_html(line) for line in body if not is_chrome(line, title)]
    return Draft(title=title, body_html="".join(paragraphs), published=published)
