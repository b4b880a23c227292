"""Store a visitor's correction, pending review: the one way corrections come in."""

from __future__ import annotations

from typing import Any

from embassies.corrections.fields import current_value
from embassies.corrections.models import Correction
from embassies.directory.models import Mission


def submit(
    mission: Mission, changes: dict[str, Any], *, comment: str, source_url: str, who: str
) -> Correction:
    """Keep `changes` with the values they replace, so a reviewer sees what moved since."""
    return Correction.objects.create(
        mission=mission,
        changes=changes,
        original={name: current_value(mission, name) for name in changes},
        comment=comment,
        source_url=source_url,
        submitter_hash=who,
    )
