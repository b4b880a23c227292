"""Find every gazetteer name in a text in one pass of an Aho-Corasick automaton.

The automaton runs over the lower-case text and returns leftmost-longest matches ("Papua New
Guinea" hides "New Guinea" and "Guinea"); a match must start and end on a word boundary
("Oman" is never found in "woman", "Niger" never in "Nigeria"), and its letters must have the
case the name needs ("US" is a country, "us" is not).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import ahocorasick

from embassies.news.tagging.fold import lower
from embassies.news.tagging.lexicon import Case, Term, terms


class Mention(NamedTuple):  # a tuple: made by the thousand per megabyte
    start: int  # offsets in the text searched
    end: int
    term: Term


@cache
def automaton() -> ahocorasick.Automaton:
    machine = ahocorasick.Automaton()
    for term in terms():
        for form in term.forms:
            machine.add_word(form, (term, len(form)))
    machine.make_automaton()
    return machine


def _first_letter(surface: str) -> str:
    if surface[:4].lower() == "the ":  # "the Hague", "the Kremlin"
        surface = surface[4:]
    return next((c for c in surface if c.isalpha()), "")


def case_ok(surface: str, case: Case, caseless: bool) -> bool:
    """ "US" but not "us"; "Turkey" but not "turkey", unless the whole text is lower case."""
    if case is Case.UPPER:
        return not any(c.islower() for c in surface)
    if case is Case.ANY or caseless:
        return True
    return not _first_letter(surface).islower()


def _next_word(lowered: str, at: int) -> int:
    """Where the first word after offset `at` starts (len(lowered) when none does: done)."""
    size = len(lowered)
    while at < size and lowered[at].isalnum():
        at += 1
    while at < size and not lowered[at].isalnum():
        at += 1
    return at


def _scan(text: str, lowered: str, caseless: bool, at: int, found: list[Mention]) -> int:
    """Matches from `at` on into `found`; where one fails the word-boundary check across
    words, the offset to scan again from (the next word: "du Kenya" must not lose Kenya to
    "u k", a form of "U.K."), else -1. No form starts with a mark, so a failed match inside a
    single word hides no name. `caseless`: the text has no capitals."""
    size = len(text)
    for end, (term, length) in automaton().iter_long(lowered, at):
        start, stop = end - length + 1, end + 1
        if (start and lowered[start - 1].isalnum()) or (stop < size and lowered[stop].isalnum()):
            if lowered[start:stop].isalnum():
                continue  # inside one word ("cia" in "democracia"): no name starts within it
            return _next_word(lowered, start)
        # The common case inline: a capitalised name whose first letter is a capital.
        if (term.case is Case.TITLE and text[start].isupper()) or case_ok(
            text[start:stop], term.case, caseless
        ):
            found.append(Mention(start, stop, term))
    return -1


def find_mentions(text: str) -> list[Mention]:
    """Every name in `text` (already squeezed), in order, boundaries and case checked."""
    lowered = lower(text)
    caseless = lowered == text
    found: list[Mention] = []
    at = 0
    while 0 <= at < len(text):
        at = _scan(text, lowered, caseless, at, found)
    return found
