"""An advisory item -> the countries it is about, with notes for whatever was not certain."""

from __future__ import annotations

from dataclasses import dataclass

from embassies.alerts.advisories.items import Issuer, Item
from embassies.alerts.advisories.names import resolve_places
from embassies.alerts.advisories.titles import per_place_levels


@dataclass(frozen=True)
class Resolved:
    item: Item
    codes: tuple[str, ...]  # empty: not resolved, reported
    notes: tuple[str, ...] = ()


def _by_tag(item: Item, issuer: Issuer) -> str | None:
    return next((code for tag in item.tags if (code := issuer.tag_to_iso(tag))), None)


def _by_code(item: Item, issuer: Issuer) -> Resolved:
    """An issuer that keys its advisories by ISO code: the code or nothing, never the name."""
    code = _by_tag(item, issuer)
    if code:
        return Resolved(item, (code,))
    shown = ", ".join(item.tags) or "none"
    return Resolved(item, (), (f"{item.title!r}: no country code we know (code: {shown})",))


def resolve(item: Item, issuer: Issuer) -> Resolved:
    """The title first (the project's resolver), the issuer's country tag only as a fallback;
    for an issuer that keys its advisories by ISO code, the code alone."""
    if issuer.by_code:
        return _by_code(item, issuer)
    places = resolve_places(item.place)
    tag = _by_tag(item, issuer)
    if not places.codes:
        if tag:
            return Resolved(item, (tag,), (f"{item.place!r}: country taken from its tag",))
        return Resolved(item, (), (f"{item.title!r}: no known country in its title or tag",))
    notes = [f"{item.place!r}: not a country we know: {p!r}" for p in places.unread]
    codes = places.codes
    if per_place_levels(item.title) and len(codes) > 1:
        # "See Summaries": each place has its own level in the text; only the first is certain.
        notes.append(f"{item.place!r}: level stated for {codes[0]} only; {codes[1:]} left as is")
        codes = codes[:1]
    if tag and tag != codes[0]:
        notes.append(f"{item.place!r}: its tag says {tag}, the title {codes[0]}; kept the title")
    return Resolved(item, codes, tuple(notes))
