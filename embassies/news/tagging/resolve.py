"""From mentions to countries: drop people and blocked phrases, pick readings and namesakes."""

from __future__ import annotations

from typing import NamedTuple

from embassies.news.tagging import context
from embassies.news.tagging.curated import Reading
from embassies.news.tagging.fold import fold
from embassies.news.tagging.lexicon import Kind
from embassies.news.tagging.matcher import Mention


class Resolved(NamedTuple):
    mention: Mention
    code: str
    kind: Kind


def without_people(text: str, mentions: list[Mention], plain_until: int) -> list[Mention]:
    """Drop names used as people; once a name is a person, its bare mentions are too."""
    people = {
        m.term.key
        for m in mentions
        if m.term.may_be_person and m.start >= plain_until and context.looks_like_person(text, m)
    }
    if not people:
        return mentions
    return [
        m
        for m in mentions
        if m.term.key not in people
        or (not context.looks_like_person(text, m) and context.has_place_cue(text, m))
    ]


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


def _by_reading(mentions: list[Mention], text: str) -> tuple[list[Resolved], list[Mention]]:
    """Mentions settled by their clue words, and the rest."""
    clues = _Clues(text)
    settled: list[Resolved] = []
    rest: list[Mention] = []
    for m in mentions:
        reading = clues.reading(m) if m.term.readings else None
        if reading is None:
            rest.append(m)
        elif reading.code:
            settled.append(Resolved(m, reading.code, Kind(reading.kind)))
    return settled, rest


def _pick(m: Mention, anchors: set[str]) -> str:
    """A namesake whose country the text names otherwise; else the dominant one; else none."""
    named = [code for code in m.term.codes if code in anchors]
    if named:
        return named[0]
    return m.term.codes[0] if m.term.dominant and m.term.codes else ""


def resolve(text: str, mentions: list[Mention], plain_until: int) -> list[Resolved]:
    """Countries for the mentions, in text order; people checks skip a title in title case
    (`plain_until` is where it ends)."""
    named = [
        m for m in without_people(text, mentions, plain_until) if m.term.kind is not Kind.BLOCK
    ]
    sure = [Resolved(m, m.term.sure_code, m.term.kind) for m in named if m.term.sure_code]
    settled, rest = _by_reading([m for m in named if not m.term.sure_code], text)
    anchors = {r.code for r in sure} | {r.code for r in settled}
    found = sure + settled + [Resolved(m, _pick(m, anchors), m.term.kind) for m in rest]
    strong = {r.code for r in found if r.code and not r.mention.term.weak}
    return sorted((r for r in found if r.code in strong), key=lambda r: r.mention.start)
