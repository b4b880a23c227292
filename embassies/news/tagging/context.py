"""Clues from around a mention: a person's name ("Michael Jordan"), words that pick a reading.

Word lists are the tagger's grammar, not data about countries, so they live here.
"""

from __future__ import annotations

import re

from embassies.news.tagging.curated import Reading
from embassies.news.tagging.lexicon import Kind
from embassies.news.tagging.matcher import Mention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that stand before a place without being a first name: sentence openers,
# directions, titles, landforms ("In Paris", "Central London", "Lake Chad", "King Abdullah").
NOT_NAMES = _words("""
    the a an in on at to from and but or of for with by as while when after before since if so
    yet both neither either unlike like across inside outside within near via into over under
    between through throughout towards toward against about around beyond despite during until
    upon whereas although though because whether where how why what which who whose that this
    these those then now today yesterday tomorrow tonight meanwhile also even only just still
    already all every each many some most more such no not here there said says told visit
    visiting visited north south east west northern southern eastern western central greater
    old new inner outer upper lower downtown metro metropolitan occupied annexed rural urban
    coastal mainland neighbouring neighboring nearby lake mount river sea gulf port fort cape
    bay isle island islands republic kingdom empire state province region city county district
    capital president king queen prince princess emperor sultan emir sheikh pope mayor governor
    minister premier chancellor general ambassador envoy soviet tsarist imperial nazi communist
    democratic federal modern ancient medieval colonial independent free united catholic
    orthodox jewish muslim christian monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
""")
PERSON_TITLES = _words("mr mrs ms miss dr sir lord lady dame")
# Capitalised words that follow a place-like first name without making it a person
# ("Jordan Valley", "Paris Agreement", "Washington DC", "Georgia Senate").
NOT_SURNAMES = _words("""
    times post daily news today herald tribune observer journal gazette mail river valley delta
    basin lake sea bay gulf coast mountains rift senate house state states government ministry
    army police airlines airways air national republic kingdom city county province region
    street road avenue square bridge dam airport port harbour harbor station stock exchange cup
    open marathon olympics games embassy consulate president prime premier foreign defence
    defense king queen crown royal central federal supreme court parliament assembly council
    congress bank border armed forces navy electoral commission university college school
    institute museum agreement accord accords convention treaty declaration protocol process
    summit conference talks club peace motor metro zoo mayor governor dc d tech democrats
    republicans democratic republican legislature secretary attorney health power energy
    telecom ltd inc group football fc united rovers olympic stadium time standard
""")
# Words right before a name that make it a place even where the text also has a person so
# called ("Chad Miller ... camps in eastern Chad").
PLACE_CUES = _words("""
    in to from of into across near visit visited visiting eastern western northern southern
    central neighbouring neighboring lake republic kingdom towards toward via throughout inside
    outside within with and between against for about over
""")

_BEFORE = re.compile(r"(?<![\w'’.-])([^\W\d_][\w-]*) $")
_AFTER = re.compile(r" ([^\W\d_][\w-]*)")
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def word_before(text: str, start: int) -> str:
    """The word right before a mention, with only a space between them (no punctuation)."""
    match = _BEFORE.search(text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def word_after(text: str, end: int) -> str:
    match = _AFTER.match(text, end)
    return match.group(1) if match else ""


def is_title_case(text: str) -> bool:
    """ "Russia Warns Washington Over Sanctions": capitals there say nothing about names."""
    words = _TITLE_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def looks_like_person(text: str, mention: Mention) -> bool:
    """ "Michael Jordan", "Denzel Washington", "Chad Johnson", "Mr London"."""
    term = mention.term
    if term.person or term.kind in (Kind.CAPITAL, Kind.CITY):
        before = word_before(text, mention.start)
        if before.lower() in PERSON_TITLES:
            return True
        if _capitalised(before) and before.lower() not in NOT_NAMES:
            return True
    if term.person:
        after = word_after(text, mention.end)
        return _capitalised(after) and after.lower() not in NOT_SURNAMES
    return False


def has_place_cue(text: str, mention: Mention) -> bool:
    return word_before(text, mention.start).lower() in PLACE_CUES


def choose_reading(readings: tuple[Reading, ...], padded_folded: str) -> Reading | None:
    """The reading whose clue words occur most often; None when no clue occurs at all."""
    counts = [sum(padded_folded.count(f" {clue} ") for clue in r.clues) for r in readings]
    if not counts or max(counts) == 0:
        return None
    return readings[counts.index(max(counts))]
