"""Read a query into what it asks for: sending state, host state or city, kind of mission.

"canadian embassy moscow", "embassy of japan in brasil", "посольство россии в германии",
"consulat général de france à édimbourg" all become the same few fields. Words that are
none of these are kept for full-text search.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from embassies.directory.kinds import Kind
from embassies.directory.search import places
from embassies.directory.search.parse import Piece, pieces
from embassies.directory.search.vocabulary import KIND_IMPLIES_SENDING
from embassies.lib.gazetteer import City


@dataclass
class ParsedQuery:
    text: str
    kind: Kind | None = None
    sending: str | None = None
    host: str | None = None
    city: City | None = None
    words: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_structured(self) -> bool:
        return bool(self.sending or self.host or self.city)


@dataclass
class _Roles:
    """What the pieces said, before cities are settled."""

    kind: Kind | None = None
    sending: str | None = None
    sending_sure: bool = False  # said by an adjective or "of", not by word order alone
    host: str | None = None
    loose: list[str] = field(default_factory=list)  # countries with no role marker
    cities: list[Piece] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def country(self, piece: Piece, marker: str | None) -> None:
        assert piece.country is not None
        hit = piece.country
        self.notes.append(
            f"{piece.text}={hit.code}" + ("" if hit.how == "name" else f" ({hit.how})")
        )
        if marker == "host_marker" and self.host is None:
            self.host = hit.code
        elif (marker == "sending_marker" or hit.is_adjective) and self.sending is None:
            self.sending, self.sending_sure = hit.code, True
        else:
            self.loose.append(hit.code)

    def settle_loose(self) -> None:
        """Unmarked countries fill the sending role first, then the host role."""
        for code in self.loose:
            if self.sending is None:
                self.sending = code
            elif self.host is None and code != self.sending:
                self.host = code


def _roles(found: list[Piece]) -> _Roles:
    roles = _Roles()
    marker: str | None = None
    for piece in found:
        if piece.role in ("host_marker", "sending_marker"):
            marker = piece.role
            continue
        if piece.role == "stop":
            continue
        if piece.role == "kind":
            roles.kind = roles.kind or piece.kind
            if implied := KIND_IMPLIES_SENDING.get(piece.text):
                roles.loose.append(implied)
        elif piece.role == "country":
            roles.country(piece, marker)
        elif piece.role == "city":
            roles.cities.append(piece)
        else:
            roles.words.append(piece.text)
        marker = None
    roles.settle_loose()
    return roles


def _settle_city(roles: _Roles, parsed: ParsedQuery) -> None:
    """Pick the city meant; a loose 'sending' state that is the city's own country is the host."""
    for piece in roles.cities:
        candidates = list(piece.cities)
        best = places.choose_city(candidates, None, None)
        if best and not roles.sending_sure and roles.host is None and best.country == roles.sending:
            parsed.sending, parsed.host, parsed.city = None, best.country, best
            parsed.notes.append(f"{piece.text}={best.name}, {best.country}")
            continue
        city = places.choose_city(candidates, parsed.host, parsed.sending)
        if city is None or parsed.city is not None:
            parsed.words.append(piece.text)
            continue
        parsed.city, parsed.host = city, parsed.host or city.country
        parsed.notes.append(f"{piece.text}={city.name}, {city.country}")


def parse_query(text: str) -> ParsedQuery:
    roles = _roles(pieces(text))
    parsed = ParsedQuery(
        text, roles.kind, roles.sending, roles.host, None, roles.words, roles.notes
    )
    _settle_city(roles, parsed)
    if parsed.kind:
        parsed.notes.append(f"kind={parsed.kind.value}")
    return parsed
