"""Review of import conflicts: a source brought a new value for a field an editor set.

Two decisions, each one function shared by the admin and any other caller:
`accept_source_value` writes the source's value and hands the field back to the source;
`keep_editor_value` closes the conflict and leaves the editor's value in place.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from embassies.directory.models import ConflictDecision, FieldConflict, Mission

SOURCE_NAMES = {
    "wikidata": "Wikidata",
    "osm": "OpenStreetMap",
    "mission_status": "The mission status file",
}
EMPTY: tuple[object, ...] = ("", None, [], {})


class ConflictError(ValueError):
    """A decision that cannot be carried out (the conflict was already resolved)."""


def _locked(conflict: FieldConflict) -> FieldConflict:
    locked = FieldConflict.objects.select_for_update().get(pk=conflict.pk)
    if locked.resolved:
        raise ConflictError(f"The conflict on {locked.field} was already resolved.")
    return locked


@transaction.atomic
def accept_source_value(conflict: FieldConflict, user: AbstractBaseUser) -> Mission:
    """Write the source's value; the field is the source's again, so later imports update it."""
    locked = _locked(conflict)
    mission = Mission.objects.select_for_update().get(pk=locked.mission_id)
    field = Mission._meta.get_field(locked.field)
    # The importer stored JSON (dates as ISO text): the field turns it back into its own type.
    value = field.to_python(locked.source_value)  # type: ignore[union-attr]
    setattr(mission, field.attname, value)  # type: ignore[union-attr]
    if value in EMPTY:
        mission.sources.pop(locked.field, None)
    else:
        mission.sources[locked.field] = locked.source
    mission._change_reason = f"conflict accepted by {user.get_username()}"  # type: ignore[attr-defined]
    mission._history_user = user  # type: ignore[attr-defined]
    mission.save()
    _resolve(locked, ConflictDecision.SOURCE, user)
    return mission


@transaction.atomic
def keep_editor_value(conflict: FieldConflict, user: AbstractBaseUser) -> FieldConflict:
    """Close the conflict; the editor's value stays and the field stays editor-held."""
    locked = _locked(conflict)
    _resolve(locked, ConflictDecision.EDITOR, user)
    return locked


def _resolve(conflict: FieldConflict, decision: str, user: AbstractBaseUser) -> None:
    conflict.resolved = True
    conflict.decision, conflict.decided_by = decision, user.get_username()
    conflict.decided_at = timezone.now()
    # update_fields keeps detected_at (auto_now) as it was: it dates the import's finding.
    conflict.save(update_fields=["resolved", "decision", "decided_by", "decided_at"])


def _plain(value: Any) -> str:
    if value in EMPTY:
        return "nothing"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def editor_set_at(conflict: FieldConflict) -> datetime:
    """When the editor set the value now held: from the mission's history, else the detection."""
    history = Mission.history.filter(
        id=conflict.mission_id, history_change_reason__endswith=f" by {conflict.current_source}"
    ).order_by("-history_date")
    attname = Mission._meta.get_field(conflict.field).attname  # type: ignore[union-attr]
    records = list(history[:50])
    found: datetime | None = None
    for record in records:  # newest first: the oldest of the latest run holding the value
        if _json(getattr(record, attname, None)) == conflict.current_value:
            found = record.history_date
        elif found is not None:
            break
    if found is None and records:
        found = records[0].history_date
    return found or conflict.detected_at


def _json(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def describe(conflict: FieldConflict) -> str:
    """'Wikidata now says Moscow; editor:api:alice set Moskva on 3 March 2026'."""
    source = SOURCE_NAMES.get(conflict.source, conflict.source)
    when = editor_set_at(conflict)
    return (
        f"{source} now says {_plain(conflict.source_value)}; {conflict.current_source} set "
        f"{_plain(conflict.current_value)} on {when.day} {when:%B %Y}"
    )
