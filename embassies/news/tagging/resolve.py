"""From mentions to countries: drop people and blocked phrases, pick readings and namesakes."""

from __future__ import annotations

from typing import NamedTuple

from embassies.news.tagging import context
from embassies.news.tagging.context import Dateline
from embassies.news.tagging.curated import Reading, curated
from embassies.news.tagging.fold import fold, key
from embassies.news.tagging.lexicon import Case, Kind, Term
from embassies.news.tagging.matcher import Mention


class Resolved(NamedTuple):
    mention: Mention
    code: str
    kind: Kind
    role: float = 1.0  # the place of the action counts more than states reacting to it
    aside: bool = False  # in a relative clause ("the minister, who studied in Canada, ...")


class Plain(NamedTuple):
    """Spans where capitals say nothing: a title in title case, datelines."""

    spans: tuple[tuple[int, int], ...]
    end: int  # where the last one ends: most names come after it

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> Plain:
        return cls(tuple(spans), max((end for _, end in spans), default=0))

    def covers(self, at: int) -> bool:
        if at >= self.end:  # most names: no generator made for them
            return False
        return any(start <= at < end for start, end in self.spans)


def _people(text: str, mentions: list[Mention], plain: Plain) -> frozenset[str]:
    """Names the text uses for a person somewhere ("Michael Jordan", "Chad Johnson")."""
    return frozenset(
        [
            m.term.key
            for m in mentions
            if m.term.may_be_person
            and not plain.covers(m.start)
            and context.looks_like_person(text, m)
        ]
    )


class _Clues:
    """Readings chosen once per name per text; the folded text is made only if one is needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.padded = ""
        self.memo: dict[str, Reading | None] = {}

    def reading(self, m: Mention) -> Reading | None:
        if m.term.key not in self.memo:
            self.padded = self.padded or f" {fold(self.text)} "
            self.memo[m.term.key] = context.choose_reading(m.term.readings, self.padded)
        return self.memo[m.term.key]


def _pick(m: Mention, anchors: set[str]) -> str:
    """A namesake whose country the text names otherwise; else the dominant one; else none."""
    named = [code for code in m.term.codes if code in anchors]
    if named:
        return named[0]
    return m.term.codes[0] if m.term.dominant and m.term.codes else ""


def _places(text: str, mentions: list[Mention], plain: Plain) -> list[Mention]:
    """Mentions that name a place: not a blocked phrase, a person or part of a longer name.
    Once a name is a person, its bare mentions are too, unless a word before makes them a
    place. A longer name found in the body is one in the title too ("Turkey Hill Expands")."""
    people = _people(text, mentions, plain)
    starts = frozenset([m.start for m in mentions])
    kept: list[Mention] = []
    longer: set[tuple[str, str]] = set()
    for m in mentions:
        if m.term.kind is Kind.BLOCK:
            continue
        covered = plain.covers(m.start)
        if m.term.key in people and not covered and _a_person(text, m):
            continue
        if context.in_longer_name(text, m, starts, covered):
            longer.add((m.term.key, context.word_after(text, m.end)))
        else:
            kept.append(m)
    if not longer:
        return kept
    return [
        m
        for m in kept
        if not plain.covers(m.start) or (m.term.key, context.word_after(text, m.end)) not in longer
    ]


def _a_person(text: str, m: Mention) -> bool:
    """A mention of a name the text uses for a person: the person, unless a word before
    makes it a place ("Chad Miller ... camps in eastern Chad")."""
    return context.looks_like_person(text, m) or not context.has_place_cue(text, m)


def resolve(text: str, mentions: list[Mention], plain: Plain) -> list[Resolved]:
    """Countries for the mentions, in text order; people and longer-name checks skip `plain`
    spans (a title in title case, datelines), where capitals say nothing."""
    clues = _Clues(text)
    read: list[tuple[Mention, str | None, Kind]] = []  # None: the other names decide
    for m in _places(text, mentions, plain):
        term = m.term
        if term.sure_code:
            read.append((m, term.sure_code, term.kind))
        elif term.readings and (reading := clues.reading(m)) is not None:
            if reading.code:
                read.append((m, reading.code, Kind(reading.kind)))
        else:
            read.append((m, None, term.kind))
    anchors = {code for _, code, _ in read if code}
    found = [(m, _pick(m, anchors) if code is None else code, kind) for m, code, kind in read]
    strong = {code for m, code, _ in found if code and not m.term.weak}
    return [
        Resolved(m, code, kind, context.role(text, m), context.in_aside(text, m))
        for m, code, kind in found
        if code in strong
    ]


_CITY_KINDS = (Kind.CITY, Kind.CAPITAL, Kind.METONYM)  # a country's name opening a line is one
# A region named only by a dateline abbreviation ("Ga.") has no term of its own: this stands in.
_DATELINE_REGION = Term(key="", kind=Kind.REGION, codes=(), dominant=True, case=Case.ANY)


def _region_code(dateline: Dateline, inside: list[Resolved]) -> list[Resolved]:
    """The country the dateline's region names, as mentions: "Ukraine", "N.M." -> US."""
    named = [r for r in inside if r.mention.start >= dateline.region_start]
    if named or not dateline.region:
        return named
    code = curated().dateline_regions.get(key(dateline.region), "")
    mention = Mention(dateline.region_start, dateline.place_end, _DATELINE_REGION)
    return [Resolved(mention, code, Kind.REGION)] if code else []


def at_dateline(found: list[Resolved], dateline: Dateline) -> tuple[list[Resolved], str]:
    """The mentions without the dateline, and the dateline's country.

    The dateline says where the story was filed, which is often only an agency's bureau
    ("NAIROBI, Kenya (Reuters)" on a story about Somalia): neither its city nor the region or
    country after it is a mention. That region or country ("KYIV, Ukraine", "SANTA FE, N.M.")
    decides which country the dateline names, over the city's namesakes (Santa Fe, Argentina);
    the score counts it only where the text names that country besides (score.tally)."""
    inside = [r for r in found if dateline.start <= r.mention.start < dateline.place_end]
    if not inside and not dateline.region:
        return found, ""
    region = _region_code(dateline, inside)
    city = [r for r in inside if r not in region and r.kind in _CITY_KINDS]
    code = region[0].code if region else (city[0].code if city else "")
    dropped = {r.mention.start for r in (*city, *region)}
    return [r for r in found if r.mention.start not in dropped], code
