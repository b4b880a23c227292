"""How well a mission's kind answers the kind asked for ("embassy" finds a high commission)."""

from __future__ import annotations

from embassies.directory.kinds import Kind

# Shown first when no kind is asked: the main mission, then consular posts, honorary last.
DEFAULT_ORDER: tuple[Kind, ...] = (
    Kind.EMBASSY,
    Kind.HIGH_COMMISSION,
    Kind.APOSTOLIC_NUNCIATURE,
    Kind.REPRESENTATIVE_OFFICE,
    Kind.INTERESTS_SECTION,
    Kind.CONSULATE_GENERAL,
    Kind.CONSULATE,
    Kind.LIAISON_OFFICE,
    Kind.PERMANENT_MISSION,
    Kind.CONSULAR_AGENCY,
    Kind.HONORARY_CONSULATE,
    Kind.SUBNATIONAL_OFFICE,
    Kind.TRADE_OFFICE,
    Kind.OTHER,
)
# Kinds that stand in for each other: a Commonwealth high commission is an embassy, a Taipei
# office is Taiwan's embassy, a nunciature is the Holy See's.
FAMILIES: tuple[frozenset[Kind], ...] = (
    frozenset(
        {
            Kind.EMBASSY,
            Kind.HIGH_COMMISSION,
            Kind.APOSTOLIC_NUNCIATURE,
            Kind.REPRESENTATIVE_OFFICE,
            Kind.INTERESTS_SECTION,
            Kind.LIAISON_OFFICE,
        }
    ),
    frozenset(
        {Kind.CONSULATE_GENERAL, Kind.CONSULATE, Kind.CONSULAR_AGENCY, Kind.HONORARY_CONSULATE}
    ),
)


# Each kind's place in DEFAULT_ORDER, by its value: ranking looks it up for every candidate.
_POSITIONS: dict[str, int] = {kind.value: n for n, kind in enumerate(DEFAULT_ORDER)}


def _position(kind: str) -> int:
    return _POSITIONS.get(kind, len(DEFAULT_ORDER))


def kind_rank(asked: Kind | None, kind: str) -> float:
    """0 for the best answer; smaller is better."""
    position = _position(kind)
    if asked is None:
        return float(position)
    if kind == asked or (asked == Kind.CONSULATE and kind == Kind.CONSULATE_GENERAL):
        return 0.0
    if any(asked in family and kind in family for family in FAMILIES):
        return 1.0 + position / 100
    return 3.0 + position
