"""Edits by people (API tokens, and later the admin and accepted corrections).

Each edited field's source becomes the editor, so a later import never overwrites it; the
change itself is kept in the mission's history under the editor's name.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from embassies.countries.models import Country
from embassies.directory.models import Mission

# Fields a person may set through the API; the rest is derived or belongs to imports.
EDITABLE = (
    "kind", "city", "address", "lat", "lon", "phones", "emails", "website", "social",
    "opening_hours", "head_of_mission", "status", "sending_subdivision",
)  # fmt: skip


class EditError(ValueError):
    """An edit that cannot be saved; `details` maps field names to messages."""

    def __init__(self, message: str, details: dict[str, list[str]]) -> None:
        super().__init__(message)
        self.details = details


def _has_nul(value: Any) -> bool:
    """PostgreSQL cannot store NUL in text: refuse it with the field named, not a 500."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def _check_text(fields: dict[str, Any]) -> None:
    bad = {name: ["contains a NUL character"] for name, value in fields.items() if _has_nul(value)}
    if bad:
        raise EditError("Some values cannot be stored.", bad)


def _save(mission: Mission, editor: str, reason: str) -> Mission:
    try:
        mission.full_clean(exclude=["slug", "source_hash", "search_document"])
    except ValidationError as error:
        raise EditError("The mission is not valid.", error.message_dict) from None
    mission.slug = mission.make_slug()
    mission._change_reason = f"{reason} by {editor}"  # type: ignore[attr-defined]
    mission.save()
    return mission


@transaction.atomic
def edit_mission(mission: Mission, changes: dict[str, Any], editor: str) -> Mission:
    """Apply `changes` (EDITABLE fields only) and record `editor` as their source."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise EditError("Some fields cannot be edited.", {f: ["not editable"] for f in unknown})
    _check_text(changes)
    for name, value in changes.items():
        setattr(mission, name, value)
        mission.sources[name] = editor
    return _save(mission, editor, "edited")


@transaction.atomic
def create_mission(sending: str, host: str, fields: dict[str, Any], editor: str) -> Mission:
    """A mission no source has yet, entered by a person."""
    countries = {c.code: c for c in Country.objects.filter(code__in=[sending, host])}
    missing = {
        name: ["unknown country code"]
        for name, code in (("sending", sending), ("host", host))
        if code not in countries
    }
    if missing:
        raise EditError("Unknown country.", missing)
    mission = Mission(sending=countries[sending], host=countries[host])
    edit_fields = {k: v for k, v in fields.items() if v is not None}
    unknown = sorted(set(edit_fields) - set(EDITABLE))
    if unknown:
        raise EditError("Some fields cannot be set.", {f: ["not editable"] for f in unknown})
    _check_text(edit_fields)
    for name, value in edit_fields.items():
        setattr(mission, name, value)
    mission.sources = {name: editor for name in ("sending", "host", *edit_fields)}
    return _save(mission, editor, "created")
