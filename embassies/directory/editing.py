"""Edits by people: API tokens, the admin, accepted corrections.

Each edited field's source becomes the editor, so a later import never overwrites it; the
change itself is kept in the mission's history with a reason naming the editor, and the
mission counts as verified now.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from embassies.countries.models import Country
from embassies.directory import limits
from embassies.directory.accreditation_history import accredited_codes
from embassies.directory.models import Mission

# Fields a person may set through the API; the rest is derived or belongs to imports.
EDITABLE = (
    "kind",
    "city",
    "address",
    "lat",
    "lon",
    "phones",
    "emails",
    "website",
    "social",
    "opening_hours",
    "head_of_mission",
    "status",
    "sending_subdivision",
)

# Bookkeeping, not facts about the mission: changing them makes nobody their source.
NOT_SOURCED = frozenset(
    {
        "id",
        "sources",
        "notes",
        "verified_at",
        "verified_by",
        "created_at",
        "updated_at",
        "slug",
        "source_hash",
        "search_document",
    }
)


def admin_editor(username: str) -> str:
    """'editor:admin:anna': how an admin user's edits are attributed (never shown publicly)."""
    return f"editor:admin:{username}"


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


def _link_problems(mission: Mission) -> dict[str, list[str]]:
    """Only clean http(s) URLs: a javascript: website would become a link on the page."""
    return limits.problems({"website": mission.website, "social": mission.social})


def _check_text(fields: dict[str, Any]) -> None:
    bad = {name: ["contains a NUL character"] for name, value in fields.items() if _has_nul(value)}
    if bad:
        raise EditError("Some values cannot be stored.", bad)


def _problems(mission: Mission, changed: Iterable[str]) -> dict[str, list[str]]:
    """What `limits` refuses among the changed values (what was stored before may stay, so an
    edit of the city is not refused for an old phone), and any link that is no web address."""
    values = {name: getattr(mission, name) for name in changed if name in limits.CHECKS}
    return _link_problems(mission) | limits.problems(values)


def _save(mission: Mission, editor: str, reason: str, changed: Iterable[str]) -> Mission:
    if editor in (mission.sources.get("lat"), mission.sources.get("lon")):
        mission.position_approximate = False  # a person placed it: no longer the city centre
    problems = _problems(mission, changed)
    try:
        # Fields refused already are left out: one reason each, and a 990 KB value read once.
        mission.full_clean(exclude=["slug", "source_hash", "search_document", *problems])
    except ValidationError as error:
        problems |= error.message_dict
    if problems:
        raise EditError("The mission is not valid.", problems)
    mission.slug = mission.make_slug()
    mission.verified_at, mission.verified_by = timezone.now(), editor
    mission._change_reason = f"{reason} by {editor}"  # type: ignore[attr-defined]
    mission.save()
    return mission


def _sourced() -> list[Any]:
    return [f for f in Mission._meta.concrete_fields if f.name not in NOT_SOURCED]


@transaction.atomic
def save_edit(
    mission: Mission, editor: str, reason: str = "edited", also: Iterable[str] = ()
) -> list[str]:
    """Save a mission a person has just changed in a form (admin change or restore).

    The changed fields are found against the stored row, so a restored old version counts
    as the edit it is; they become `editor`'s, the rest keeps its stored provenance. `also`
    names fields already changed elsewhere (accreditations). Returns the changed fields.
    """
    fields = _sourced()
    stored = None
    if mission.pk is not None:
        names = [f.attname for f in fields] + ["sources", "notes"]
        # Locked: an import writing this row meanwhile is waited for, not overwritten.
        stored = Mission.objects.select_for_update().filter(pk=mission.pk).values(*names).first()
    if stored is None:
        changed = [f.name for f in fields if getattr(mission, f.attname) not in ("", None, [], {})]
    else:
        changed = [f.name for f in fields if getattr(mission, f.attname) != stored[f.attname]]
        changed += also
        if not changed:
            return []  # a save with nothing changed is no edit: no version, no new source
        mission.sources, mission.notes = dict(stored["sources"]), stored["notes"]
    _check_text({name: getattr(mission, name) for name in changed})
    for name in changed:
        mission.sources[name] = editor
    _save(mission, editor, reason, changed)
    return changed


@transaction.atomic
def restore_version(
    mission: Mission, accredited: list[str] | None, editor: str, reason: str
) -> list[str]:
    """Save `mission` set back to an old version's values, with the accreditations that
    version holds (None: it predates their recording, so they stay as they are)."""
    also = []
    if accredited is not None and set(accredited_codes(mission.pk)) != set(accredited):
        mission.accreditations.set(Country.objects.filter(code__in=accredited))
        also.append("accreditations")
    return save_edit(mission, editor, reason, also)


@transaction.atomic
def mark_edited(mission: Mission, fields: Iterable[str], editor: str, reason: str) -> Mission:
    """Record `editor` as the source of `fields` already changed elsewhere (accreditations)."""
    fields = list(fields)  # read twice: here and by _save
    for name in fields:
        mission.sources[name] = editor
    return _save(mission, editor, reason, fields)


def _assign(mission: Mission, fields: dict[str, Any], refusal: str) -> None:
    """Set `fields` on the mission once every one is EDITABLE and storable."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise EditError(refusal, {f: ["not editable"] for f in unknown})
    _check_text(fields)
    for name, value in fields.items():
        setattr(mission, name, value)


def _lock_fresh(mission: Mission) -> None:
    """Lock the row and read it again: the whole row is saved, so values an import wrote while
    this edit waited for the row must be the ones kept in the fields the edit leaves alone."""
    list(Mission.objects.select_for_update().filter(pk=mission.pk).values_list("pk"))
    mission.refresh_from_db()


@transaction.atomic
def edit_mission(mission: Mission, changes: dict[str, Any], editor: str) -> Mission:
    """Apply `changes` (EDITABLE fields only) and record `editor` as the source of those whose
    value differs from the stored one. As in save_edit, a value sent again is no change: an
    edit that changes nothing is saved not at all (no version, no new source), whichever path
    it comes from (the API, an accepted correction)."""
    _lock_fresh(mission)
    before = {name: getattr(mission, name) for name in changes if name in EDITABLE}
    _assign(mission, changes, "Some fields cannot be edited.")
    changed = [name for name in changes if getattr(mission, name) != before[name]]
    if not changed:
        return mission
    for name in changed:
        mission.sources[name] = editor
    return _save(mission, editor, "edited", changed)


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
    _assign(mission, edit_fields, "Some fields cannot be set.")
    mission.sources = {name: editor for name in ("sending", "host", *edit_fields)}
    return _save(mission, editor, "created", edit_fields)
