"""Lines that belong to a news site's frame, not to the article: banner, call to action,
breadcrumb. Shared by every reader so a saved page and its HTML give the same body."""

from __future__ import annotations

import re

from embassies.lib.text import normalize

_BANNER = re.compile(r"^consular assistance in\b", re.IGNORECASE)
_CALL = re.compile(r"\bneed consular assistance\b|\bfind your country.s embassy\b", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^home\s*[›>»/|]?\s*news\b", re.IGNORECASE)


def breadcrumb_title(line: str) -> str:
    """ "Home News Trump congratulates Putin" -> "Trump congratulates Putin"; "" otherwise."""
    match = _BREADCRUMB.match(line.strip())
    return line.strip()[match.end() :].strip(" ›>»/|") if match else ""


def is_chrome(line: str, title: str) -> bool:
    text = line.strip()
    if (_BANNER.match(text) and len(text) < 100) or _CALL.search(text) or _BREADCRUMB.match(text):
        return True
    return bool(title) and normalize(text) == normalize(title)
