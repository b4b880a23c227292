"""The JSON shape of a finder answer, shared by the API and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from embassies.assistance.finder import Answer, FinderResult
from embassies.assistance.models import EmergencyLine
from embassies.countries.models import Country
from embassies.directory.models import Mission
from embassies.directory.serialize import mission_to_dict

# How a mission is written (the API passes one that reuses what it wrote before).
MissionWriter = Callable[[Mission, HttpRequest | None], dict[str, Any]]


def _country(c: Country) -> dict[str, str]:
    return {"code": c.code, "name": c.name}


def answer_to_dict(
    a: Answer, request: HttpRequest | None = None, mission: MissionWriter = mission_to_dict
) -> dict[str, Any]:
    """`mission` is null when an arrangement names a state whose office the directory does
    not know: `office` and `representing` still say whom to ask."""
    return {
        "mission": mission(a.mission, request) if a.mission is not None else None,
        "reason": a.reason,
        "basis": a.basis,
        "distance_km": a.distance_km,
        "source_url": a.source_url,
        "representing": a.representing.code,
        "office": a.mission.title if a.mission is not None else a.office.title,  # type: ignore[union-attr]
        "since": a.since or None,
        "in_city": a.in_city or None,
        "note": a.note or None,
    }


def line_to_dict(line: EmergencyLine) -> dict[str, Any]:
    return {
        "name": line.name,
        "phone": line.phone,
        "source_url": line.source_url,
        "notes": line.notes,
    }


def nationality_to_dict(result: FinderResult) -> dict[str, Any] | None:
    """Null for a state answering for its own citizens; for Puerto Rico (or Hong Kong) the
    entry named, the state whose offices answer (also in `citizen`), why, and the source."""
    if result.holder is None:
        return None
    return {
        "named": _country(result.holder),
        "helped_as": _country(result.citizen),
        "message": result.nationality_note,
        "source_url": result.holder_source or None,
    }


def finder_to_dict(
    result: FinderResult,
    request: HttpRequest | None = None,
    mission: MissionWriter = mission_to_dict,
) -> dict[str, Any]:
    return {
        "citizen": _country(result.citizen),
        "in": _country(result.host),
        "near": list(result.near) if result.near else None,
        "message": result.message,
        "answers": [answer_to_dict(a, request, mission) for a in result.answers],
        "unavailable": [answer_to_dict(a, request, mission) for a in result.unavailable],
        "alerts": result.alerts,
        "emergency_lines": [line_to_dict(line) for line in result.emergency_lines],
        "nationality": nationality_to_dict(result),
        "eu_rule": result.eu_rule or None,
    }
