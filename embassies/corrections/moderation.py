"""An editor's decision on a correction: accept some or all of its fields, or reject it.

Accepted values go through `edit_mission`, so the mission's history names the correction and
its reviewer, and the fields become editor-held: imports never overwrite them afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from embassies.corrections.fields import LABELS, current_value
from embassies.corrections.models import Correction, State
from embassies.directory.editing import EditError, edit_mission
from embassies.directory.models import Mission


class ModerationError(ValueError):
    """A decision that cannot be carried out (already reviewed, nothing chosen, invalid value)."""


@dataclass(frozen=True)
class FieldReview:
    """One proposed field as the reviewer sees it."""

    name: str
    label: str
    current: Any
    proposed: Any
    original: Any

    @property
    def changed_meanwhile(self) -> bool:
        """Someone (an import or an editor) changed this field since the visitor saw it."""
        return bool(self.current != self.original)

    @property
    def already_applied(self) -> bool:
        return bool(self.current == self.proposed)


def field_reviews(correction: Correction) -> list[FieldReview]:
    mission = correction.mission
    return [
        FieldReview(
            name=name,
            label=str(LABELS.get(name, name)),
            current=current_value(mission, name),
            proposed=proposed,
            original=correction.original.get(name, current_value(mission, name)),
        )
        for name, proposed in correction.changes.items()
    ]


def stale_fields(correction: Correction) -> list[str]:
    return [r.name for r in field_reviews(correction) if r.changed_meanwhile]


def _locked(correction: Correction) -> Correction:
    """The correction re-read under a row lock: two reviewers cannot both decide it."""
    locked = Correction.objects.select_for_update().get(pk=correction.pk)
    if locked.status != State.PENDING:
        raise ModerationError(f"Correction {locked.pk} was already {locked.status}.")
    return locked


@transaction.atomic
def accept(
    correction: Correction,
    user: AbstractBaseUser,
    fields: Iterable[str] | None = None,
    note: str = "",
) -> Correction:
    """Apply the chosen fields (all proposed ones by default) to the mission, in one transaction."""
    locked = _locked(correction)
    chosen = list(locked.changes) if fields is None else [f for f in locked.changes if f in fields]
    if not chosen:
        raise ModerationError("Choose at least one field to accept, or reject the correction.")
    mission = Mission.objects.select_for_update().get(pk=locked.mission_id)
    applied = {name: locked.changes[name] for name in chosen}
    # simple_history records the reviewer as the history's user, next to the editor string.
    mission._history_user = user  # type: ignore[attr-defined]
    try:
        edit_mission(mission, applied, editor=locked.editor(user.get_username()))
    except EditError as error:
        problems = "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in error.details.items())
        raise ModerationError(f"{error} {problems}") from error
    return _decide(locked, State.ACCEPTED, user, note, applied)


@transaction.atomic
def reject(correction: Correction, user: AbstractBaseUser, note: str = "") -> Correction:
    """Record the decision; the mission is not touched."""
    return _decide(_locked(correction), State.REJECTED, user, note, {})


def _decide(
    correction: Correction,
    state: State,
    user: AbstractBaseUser,
    note: str,
    applied: dict[str, Any],
) -> Correction:
    correction.status = state
    correction.reviewer = user  # type: ignore[assignment]
    correction.reviewed_at = timezone.now()
    correction.review_note = note
    correction.applied = applied
    correction.save()
    return correction
