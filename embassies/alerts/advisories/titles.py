"""Advisory titles: "Burma (Myanmar) - Level 4: Do Not Travel" -> place and level."""

from __future__ import annotations

import re

# "Mexico Travel Advisory - Level 2: ...", "Mainland China, Hong Kong & Macau - See Summaries"
_TITLE = re.compile(
    r"^(?P<place>.+?)\s*[-\u2013\u2014:]\s*(?P<rest>(?:level\s*\d|see summar).*)$", re.I
)
_LEVEL = re.compile(r"\blevel\s*([1-4])\b", re.I)
_NOISE = re.compile(r"\s*\btravel advisory\b\s*", re.I)
# The US wording of each level, for a threat category that states only the words.
LEVEL_WORDS = {
    "exercise normal precautions": 1,
    "exercise increased caution": 2,
    "reconsider travel": 3,
    "do not travel": 4,
}


def collapse(text: str | None) -> str:
    """Trailing double spaces and line breaks gone."""
    return " ".join((text or "").split())


def split_title(title: str) -> tuple[str, int | None]:
    """'Mexico Travel Advisory - Level 2: Exercise Increased Caution' -> ('Mexico', 2)."""
    title = collapse(title)
    match = _TITLE.match(title)
    place = match.group("place") if match else title
    return _NOISE.sub(" ", place).strip(" -"), level_in(match.group("rest") if match else "")


def level_in(text: str | None) -> int | None:
    """'Level 4: Do Not Travel' or 'Do Not Travel' -> 4; None when the text states none."""
    text = collapse(text)
    match = _LEVEL.search(text)
    if match:
        return int(match.group(1))
    return next((n for words, n in LEVEL_WORDS.items() if words in text.lower()), None)


def per_place_levels(title: str) -> bool:
    """ "... - See Summaries": the places it names have levels of their own, not one."""
    return "see summar" in title.lower()
