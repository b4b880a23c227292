"""Text normalisation shared by name lookup, search and tagging."""

from __future__ import annotations

import unicodedata

# Letters, digits and marks that are not combining (Indic vowel signs) survive;
# punctuation, apostrophes, hyphens and symbols become spaces, so that
# "Côte-d'Ivoire" and "cote d ivoire" meet.
_KEPT_CATEGORIES = ("L", "M", "N")


class _FoldTable(dict[int, str | None]):
    """str.translate table filled on first sight of each character: one C-speed pass per string.

    The gazetteer normalises hundreds of thousands of names at start-up, so a per-character
    Python loop would cost seconds.
    """

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        if unicodedata.combining(char):
            value = None
        elif unicodedata.category(char)[0] in _KEPT_CATEGORIES:
            value = char.casefold()
        else:
            value = " "
        self[code] = value
        return value


_FOLD = _FoldTable()


def normalize(text: str) -> str:
    """Fold case and accents, turn punctuation into spaces, collapse whitespace."""
    return " ".join(unicodedata.normalize("NFKD", text).translate(_FOLD).split())
