"""Scores from mentions: what kind of name, how often, and where (title and lead count more)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from embassies.countries import reference
from embassies.news.tagging.lexicon import Kind
from embassies.news.tagging.resolve import Resolved

# A country's name or its government's seat says more than a city in it.
WEIGHTS = {
    Kind.NAME: 1.0,
    Kind.METONYM: 1.0,
    Kind.DEMONYM: 0.8,
    Kind.CAPITAL: 0.8,
    Kind.REGION: 0.6,
    Kind.CITY: 0.5,
}
TITLE_BOOST = 3.0
LEAD_BOOST = 1.5
# News opens with its subject ("Turkey summoned...", "Taiwan's president said..."): a country
# named in the lede's first words counts one lead mention more.
SUBJECT_BONUS = LEAD_BOOST * WEIGHTS[Kind.NAME]


@dataclass(frozen=True)
class CountryTag:
    code: str
    name: str
    score: float  # relative to the primary country's, which is 1.0
    mentions: int


@dataclass(frozen=True)
class Tagging:
    countries: tuple[CountryTag, ...]
    primary: str | None

    def codes(self) -> list[str]:
        return [c.code for c in self.countries]

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of `embassies tag --json` and POST /api/v1/tag."""
        tags = [{"code": c.code, "name": c.name, "score": c.score} for c in self.countries]
        return {"countries": tags, "primary": self.primary}


def _boost(start: int, title_end: int, lead_end: int) -> float:
    if start < title_end:
        return TITLE_BOOST
    return LEAD_BOOST if start < lead_end else 1.0


@cache
def _name(code: str) -> str:
    facts = reference.get(code)
    return facts.name if facts else code


def tally(found: list[Resolved], title_end: int, lead_end: int, subject_at: int) -> Tagging:
    """Sum of weights per country; ties go to the country named first."""
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for r in found:  # in text order, so dict order is order of first mention
        totals[r.code] += WEIGHTS[r.kind] * _boost(r.mention.start, title_end, lead_end)
        opens = r.mention.start <= subject_at < r.mention.end
        totals[r.code] += SUBJECT_BONUS if opens else 0.0
        counts[r.code] += 1
    if not totals:
        return Tagging((), None)
    ranked = sorted(totals, key=lambda code: -totals[code])
    top = totals[ranked[0]]
    tags = [CountryTag(c, _name(c), round(totals[c] / top, 3), counts[c]) for c in ranked]
    return Tagging(tuple(tags), ranked[0])
