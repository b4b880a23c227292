"""Country tagging: which countries a text concerns, each with a score, and the primary one.

One function, `tag_text`, serves the CLI, the API and every stored article.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from embassies.news.tagging.context import Dateline, find_datelines, is_title_case, named_again
from embassies.news.tagging.fold import squeeze
from embassies.news.tagging.matcher import find_mentions
from embassies.news.tagging.resolve import Plain, Resolved, at_dateline, resolve
from embassies.news.tagging.score import LEAD_CHARS, CountryTag, Layout, Tagging, tally

__all__ = ["CountryTag", "Tagging", "tag_text"]

MAX_TITLE_CHARS = 200
MIN_LEAD_CHARS = 60  # a first "paragraph" shorter than this is a date or a credit line
PARAGRAPH_REACH = 2000
_OPENING = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)  # "The Kremlin said": at "Kremlin"


class _Story(NamedTuple):
    found: list[Resolved]  # without the dateline's city
    starts: int  # after the dateline
    dateline: str  # its country
    named_again: bool  # the story names the dateline's city again: it happens there


def _clean(text: str) -> str:
    return squeeze(text).strip()


def split_title(text: str) -> tuple[str, str]:
    """A short first line with more text below is a title; otherwise there is none."""
    first, _, rest = text.strip().partition("\n")
    if rest.strip() and len(first) <= MAX_TITLE_CHARS and not first.rstrip().endswith("."):
        return first, rest
    return "", text


class _Offsets:
    """Offsets in the raw body (lines still apart) as offsets into the cleaned text, which
    starts at `offset`; squeezing the prefix maps them whatever NFC and strip did."""

    def __init__(self, raw: str, offset: int) -> None:
        self.raw, self.offset = raw, offset
        self.cut = len(raw) - len(raw.lstrip())  # what strip() took: squeeze keeps spaces
        # Only NFC changes lengths: most texts are already in it, and offsets carry over.
        self.same_length = unicodedata.is_normalized("NFC", raw)

    def __call__(self, at: int) -> int:
        kept = at if self.same_length else len(squeeze(self.raw[:at]))
        return self.offset + kept - self.cut

    def datelines(self) -> list[Dateline]:
        return [d.moved(self) for d in find_datelines(self.raw)]

    def paragraph_end(self, after: int) -> int:
        """The first line break after `after` (a cleaned offset), or -1 within reach."""
        at = self.raw.find("\n", 0, PARAGRAPH_REACH)
        while at >= 0 and self(at) <= after:
            at = self.raw.find("\n", at + 1, PARAGRAPH_REACH)
        return self(at) if at >= 0 else -1


def _story(text: str, found: list[Resolved], datelines: list[Dateline]) -> _Story:
    """The first dateline that names a place (else the first one) and what it leaves."""
    for dateline in datelines:
        kept, code = at_dateline(found, dateline)
        if code:
            return _Story(kept, dateline.end, code, named_again(text, dateline))
    return _Story(found, datelines[0].end if datelines else 0, "", False)


def tag_text(text: str, title: str = "") -> Tagging:
    """Tag a plain-text document; without a title, a short first line is taken as one."""
    if not title:
        title, text = split_title(text)
    title, body = _clean(title), _clean(text)
    # A line break keeps title and body apart: no name runs across them.
    full = f"{title}\n{body}" if title else body
    title_end = len(title) + 1 if title else 0
    offsets = _Offsets(text, title_end)
    datelines = offsets.datelines()
    plain = [(d.start, d.place_end) for d in datelines]
    plain += [(0, title_end)] if is_title_case(title) else []
    found = resolve(full, find_mentions(full), Plain.of(plain))
    story = _story(full, found, datelines)
    starts = max(story.starts, title_end)
    opening = _OPENING.match(full, starts)
    subject_at = opening.end() if opening else starts
    lead_end = _lead_end(offsets.paragraph_end(subject_at + MIN_LEAD_CHARS), starts)
    layout = Layout(title_end, lead_end, subject_at)
    return tally(story.found, layout, story.dateline, story.named_again)


def _lead_end(paragraph_end: int, starts: int) -> int:
    """The lead is the story's first paragraph, and at most LEAD_CHARS of it."""
    cap = starts + LEAD_CHARS
    return min(paragraph_end, cap) if paragraph_end >= 0 else cap
