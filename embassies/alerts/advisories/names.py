"""Which country an advisory's place name means, through the project's resolver; never a guess.

Titles are messy: "The Kyrgyz Republic", "Burma (Myanmar)", "Israel, the West Bank and
Gaza", "Mainland China, Hong Kong & Macau". A name is tried whole, then without a leading
"The" or "Mainland", then split at its parentheses; a list of places is split at commas,
ampersands and "and". Two spellings that resolve to different countries resolve to none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from embassies.countries.reference import resolve_name

_LEADING = re.compile(r"^(?:the|mainland)\s+", re.I)
_PARENS = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_LIST = re.compile(r"\s*(?:,|&|/|;|\band\b)\s*", re.I)


@dataclass(frozen=True)
class Places:
    """The countries a place name names, first the one it is about; parts it could not read."""

    codes: tuple[str, ...] = ()
    unread: tuple[str, ...] = field(default=())


def _spellings(name: str) -> list[str]:
    """'The Kyrgyz Republic' -> [it, 'Kyrgyz Republic']; 'Burma (Myanmar)' -> [it, 'Burma', 'Myanmar']."""
    found = [name, _LEADING.sub("", name)]
    match = _PARENS.match(name)
    if match:
        found += [match.group("outer"), match.group("inner")]
    return [s.strip() for s in found if s.strip()]


def resolve_one(name: str) -> str | None:
    codes = {code for s in _spellings(name) if (code := resolve_name(s))}
    return codes.pop() if len(codes) == 1 else None


def resolve_places(name: str) -> Places:
    """'Israel, the West Bank and Gaza' -> Places(('IL',), ('the West Bank', 'Gaza'))."""
    whole = resolve_one(name)
    if whole:
        return Places((whole,))
    parts = [p for p in _LIST.split(name) if p]
    codes: list[str] = []
    unread: list[str] = []
    for part in parts:
        code = resolve_one(part)
        if code is None:
            unread.append(part)
        elif code not in codes:
            codes.append(code)
    # The first-named place is what the advisory is about; without it, nothing is certain.
    if not parts or resolve_one(parts[0]) is None:
        return Places((), tuple(parts) or (name,))
    return Places(tuple(codes), tuple(unread))
