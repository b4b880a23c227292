"""Scores from mentions: what kind of name, how often, and where (title and lead count more)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

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
# News opens with its subject ("Turkey summoned...", "The Dominican Republic began..."): the
# state that opens the lede counts one lead mention more.
SUBJECT_BONUS = LEAD_BOOST
SUBJECT_REACH = 60  # characters: the opening words, past a backer ("Rwandan-backed rebels")
# A dateline says where the story happens, when the text names that country besides: as much
# as two mentions in the title, so that the place of the event outweighs the states it names.
DATELINE_BONUS = 2 * TITLE_BOOST
# Without a dateline or a subject, the lead's first "in <country>" says where it happens.
EVENT_BONUS = LEAD_BOOST
PASSING_SCORE = 0.2  # below a fifth of the primary's weight
ASIDE_SCORE = 0.5  # a relative clause is background by its grammar: below half the primary's
LEAD_CHARS = 400  # at most: about two sentences, where news says what a story is about
LATE_CHARS = 2000  # about six paragraphs: the inverted pyramid has said what matters by then


class CountryTag(NamedTuple):  # a tuple: several made for every text tagged
    code: str
    name: str
    score: float  # relative to the primary country's, which is 1.0
    mentions: int
    passing: bool = False  # named only in passing: not one of the countries the story concerns


@dataclass(frozen=True)
class Tagging:
    countries: tuple[CountryTag, ...]
    primary: str | None

    def codes(self) -> list[str]:
        return [c.code for c in self.countries]

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of `embassies tag --json` and POST /api/v1/tag."""
        tags = [
            {"code": c.code, "name": c.name, "score": c.score, "passing": c.passing}
            for c in self.countries
        ]
        return {"countries": tags, "primary": self.primary}

    def concerned(self) -> list[CountryTag]:
        """The countries the story concerns: every tag but those named only in passing."""
        return [c for c in self.countries if not c.passing]


class Layout(NamedTuple):
    """Where the parts of a text start and end, as offsets into it."""

    title_end: int
    lead_end: int  # the end of the story's first paragraph
    subject_at: int  # the story's first word, after any dateline and "The"

    @property
    def late(self) -> int:
        """Where a story has said what it is about; below, background."""
        return self.subject_at + LATE_CHARS


def _subject(found: list[Resolved], layout: Layout) -> str:
    """The country that opens the story. A backer named first is not its subject: in
    "Rwandan-backed rebels took Goma", the story is the place the backed side fights over.
    (`found` is in text order here and below: loops stop where the part they read ends.)"""
    for r in found:
        if r.mention.end > layout.subject_at:
            if r.mention.start > layout.subject_at:
                return ""
            return r.code if r.role >= 1.0 else _opening(found, layout)
    return ""


@cache
def _name(code: str) -> str:
    facts = reference.get(code)
    return facts.name if facts else code


class _Sums:
    """Per country: total weight, mentions, and where they are (early, in an aside)."""

    def __init__(self, found: list[Resolved], layout: Layout) -> None:
        self.totals: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.early: set[str] = set()
        self.asides: set[str] = set()
        title_end, lead_end, late = layout.title_end, layout.lead_end, layout.late
        # In text order, so dict order is order of first mention. Inline: this runs for
        # every mention, and a call per mention cost more than the sums.
        for mention, code, kind, role, aside in found:
            start = mention.start
            boost = TITLE_BOOST if start < title_end else LEAD_BOOST if start < lead_end else 1.0
            weight = WEIGHTS[kind] * boost * role
            self.totals[code] = self.totals.get(code, 0.0) + weight
            self.counts[code] = self.counts.get(code, 0) + 1
            if aside and start >= title_end:
                self.asides.add(code)
            elif start < late:
                self.early.add(code)

    def place(self, code: str) -> None:
        """One mention of a city in the text that no name of the gazetteer found ("in Davos")."""
        self.totals[code] = self.totals.get(code, 0.0) + WEIGHTS[Kind.CITY]
        self.counts[code] = self.counts.get(code, 0) + 1
        self.early.add(code)

    def passing(self, code: str, score: float) -> bool:
        """Named once, and only in an aside or deep in a long story: background. (Short
        stories name few countries they are not about: every other mention there counts.)"""
        if self.counts[code] != 1 or code in self.early:
            return False
        return score < (ASIDE_SCORE if code in self.asides else PASSING_SCORE)


def _opening(found: list[Resolved], layout: Layout) -> str:
    """The first country the story's opening words name as an actor, if any ("The government
    of Venezuela announced"): the story may be about it even where it is not the first word."""
    reach = layout.subject_at + SUBJECT_REACH
    for r in found:
        if r.mention.start >= reach:
            break
        if r.mention.start >= layout.subject_at and r.role >= 1.0:
            return r.code
    return ""


def _event_place(found: list[Resolved], layout: Layout) -> str:
    """The first country the lead places something in ("a landslide in Papua New Guinea")."""
    for r in found:
        if r.mention.start >= layout.lead_end:
            break
        if r.mention.start >= layout.title_end and r.role > 1.0:
            return r.code
    return ""


def _elsewhere(found: list[Resolved], layout: Layout, dateline: str, subject: str) -> bool:
    """Whether the lead opens with (`subject`), or places the action in, a country not the
    dateline's."""
    return bool({subject, _event_place(found, layout), _opening(found, layout)} - {"", dateline})


def tally(
    found: list[Resolved], layout: Layout, dateline: str = "", named_again: bool = False
) -> Tagging:
    """Sum of weights per country; ties go to the country named first. The dateline's
    country counts more where the text names it besides. Where only the dateline does, the
    story happens there, unless its lead opens with, or places the action in, another
    country: then it was filed from a bureau there, a passing mention, except where the
    story names the dateline's city again, which makes it one of the story's places."""
    sums = _Sums(found, layout)
    subject = _subject(found, layout)
    event = "" if subject else _event_place(found, layout)  # a subject says more than a place
    named = dateline in sums.totals  # the country itself, besides the dateline
    if dateline and not named and (named_again or not _elsewhere(found, layout, dateline, subject)):
        sums.place(dateline)
    if subject:
        sums.totals[subject] += SUBJECT_BONUS
    elif event:
        sums.totals[event] += EVENT_BONUS
    if named or (dateline in sums.totals and not named_again):
        sums.totals[dateline] += DATELINE_BONUS
    if not sums.totals:
        return _filed_only(dateline)
    ranked = sorted(sums.totals, key=sums.totals.__getitem__, reverse=True)  # stable: ties
    top = sums.totals[ranked[0]]
    tags = []
    for code in ranked:
        score = round(sums.totals[code] / top, 3)
        passing = sums.passing(code, score)
        tags.append(CountryTag(code, _name(code), score, sums.counts[code], passing))
    if dateline and dateline not in sums.totals:
        tags.append(CountryTag(dateline, _name(dateline), 0.0, 1, passing=True))
    return Tagging(tuple(tags), ranked[0])


def _filed_only(dateline: str) -> Tagging:
    """A story that names no country but its dateline's city is about that country."""
    if not dateline:
        return Tagging((), None)
    return Tagging((CountryTag(dateline, _name(dateline), 1.0, 1),), dateline)
