"""Text forms for matching. The automaton runs over the text in lower case (fast, same length,
so every offset points into the original); names are stored in every form news writes them:
with and without accents, with punctuation or with spaces ("Côte d'Ivoire", "cote d ivoire").
"""

from __future__ import annotations

import re
import unicodedata


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if unicodedata.category(char)[0] not in ("L", "N"):
            value = " "
        else:
            base = unicodedata.normalize("NFKD", char)[0]
            lower = base.lower()
            value = lower if len(lower) == 1 else base
        self[code] = value
        return value


_TABLE = _FoldTable()
_PUNCTUATION = re.compile(r"[^\w]+|_+")
_APOSTROPHES = str.maketrans({"'": "’", "’": "'"})


def fold(text: str) -> str:
    """Same length as `text`: letters and digits folded (case, accents), the rest spaces."""
    return text.translate(_TABLE)


def key(name: str) -> str:
    """The identity of a name: folded, single spaces ("Côte d'Ivoire" -> "cote d ivoire")."""
    return " ".join(fold(name).split())


def squeeze(text: str) -> str:
    """NFC (accents as one character) and line breaks as spaces, so that a name broken across
    lines still matches. str.replace runs at memory speed; a regular expression here cost
    more than the matching itself."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def lower(text: str) -> str:
    """Lower case of the same length; the folded text where lower() would change the length."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else fold(text)


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def forms(name: str) -> set[str]:
    """Every lower-case form of a name the matcher should find in text."""
    base = " ".join(name.lower().split())
    found = {base, base.translate(_APOSTROPHES), _unaccented(base)}
    found |= {" ".join(_PUNCTUATION.sub(" ", f).split()) for f in list(found)}
    found |= {f.translate(_APOSTROPHES) for f in list(found)}
    return {f for f in found if f.strip()}
