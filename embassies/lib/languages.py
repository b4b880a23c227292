"""The language a stored text is written in, so a page can mark it (lang, dir).

An English headline on the Arabic site, set inside right-to-left text, has its full stop and
brackets flipped to the wrong end, and a screen reader reads it with Arabic sounds. Articles,
advisories and editors' alerts carry no language field, so it is read from the text: the
script first (Cyrillic, Arabic, Hebrew, Greek), then, for Latin letters, the share of each
language's commonest short words. A text too short or too mixed to tell gets no language,
and pages mark it dir="auto" alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "yi", "ps", "dv", "ckb", "sd", "ug"})
SAMPLE = 3000  # characters read: the opening says which language a text is in


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The commonest function words of the Latin-script languages diplomatic news comes in; each
# list leaves out words two of them share ("la", "que", "se", "on", "des", "in", "die").
_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to is that for with were are said has have by from it this will be at "
        "not his her their its which who"
    ),
    "fr": _words(
        "le les et du une est dans pour qui sur au aux pas plus ce cette sont avec par il elle "
        "ont été sera leur"
    ),
    "es": _words("el los las y del por con una para es su al lo como más pero sus fue ha está"),
    "de": _words(
        "der das und ist mit den von zu nicht ein eine auf für dem sich im auch wird sind wurde"
    ),
}
_SCRIPTS = {"CYRILLIC": "ru", "ARABIC": "ar", "HEBREW": "he", "GREEK": "el"}
_TOKEN = re.compile(r"[^\W\d_]+")
MIN_WORDS = 2  # hits needed before a Latin-script text is given a language


@dataclass(frozen=True)
class Marking:
    """What a page puts on the element holding the text: lang (may be empty) and dir."""

    lang: str
    dir: str


def direction(language: str) -> str:
    """ "rtl" or "ltr" for a known language; "auto" (the browser reads the text) otherwise."""
    if not language:
        return "auto"
    return "rtl" if language.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"


def _script(text: str) -> str:
    """The language of the text's main non-Latin script, or "" when it is mostly Latin."""
    counts: dict[str, int] = {}
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if char < "\u0370":  # Latin (and IPA): no need to look the name up
                continue
            script = unicodedata.name(char, "").split(" ")[0]
            if script in _SCRIPTS:
                counts[script] = counts.get(script, 0) + 1
    if not counts or letters == 0:
        return ""
    script, found = max(counts.items(), key=lambda item: item[1])
    return _SCRIPTS[script] if found * 2 > letters else ""


def _latin(text: str) -> str:
    words = _TOKEN.findall(text.lower())
    hits = sorted(((sum(w in common for w in words), code) for code, common in _WORDS.items()))
    (second, _), (best, code) = hits[-2], hits[-1]
    # Clearly ahead, and more than a chance word or two: else no guess at all.
    return code if best >= MIN_WORDS and best >= 2 * second else ""


@lru_cache(maxsize=4096)
def _guess(sample: str) -> str:
    return _script(sample) or _latin(sample)


def language_of(text: str) -> str:
    """ "en", "fr", "ru", "ar"...; "" when the text does not say clearly."""
    return _guess(text[:SAMPLE])  # the sample, not the text, is kept: bounded memory


def marking(text: str) -> Marking:
    language = language_of(text or "")
    return Marking(lang=language, dir=direction(language))
