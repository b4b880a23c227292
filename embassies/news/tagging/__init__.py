"""Country tagging: which countries a text concerns, each with a score, and the primary one.

One function, `tag_text`, serves the CLI, the API and every stored article.
"""

from __future__ import annotations

import re

from embassies.news.tagging.context import is_title_case
from embassies.news.tagging.fold import squeeze
from embassies.news.tagging.matcher import find_mentions
from embassies.news.tagging.resolve import resolve
from embassies.news.tagging.score import CountryTag, Tagging, tally

__all__ = ["CountryTag", "Tagging", "tag_text"]

LEAD_CHARS = 400  # about the first two sentences: where news says what a story is about
MAX_TITLE_CHARS = 200
_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)


def _clean(text: str) -> str:
    return squeeze(text).strip()


def split_title(text: str) -> tuple[str, str]:
    """A short first line with more text below is a title; otherwise there is none."""
    first, _, rest = text.strip().partition("\n")
    if rest.strip() and len(first) <= MAX_TITLE_CHARS and not first.rstrip().endswith("."):
        return first, rest
    return "", text


def tag_text(text: str, title: str = "") -> Tagging:
    """Tag a plain-text document; without a title, a short first line is taken as one."""
    if not title:
        title, text = split_title(text)
    title, body = _clean(title), _clean(text)
    # A line break keeps title and body apart: no name runs across them.
    full = f"{title}\n{body}" if title else body
    title_end = len(title) + 1 if title else 0
    plain_until = title_end if is_title_case(title) else 0
    mentions = find_mentions(full)
    found = resolve(full, mentions, plain_until)
    article = _ARTICLE.match(body)  # "The Kremlin said ...": the subject starts at "Kremlin"
    subject_at = title_end + (article.end() if article else 0)
    return tally(found, title_end, title_end + LEAD_CHARS, subject_at)
