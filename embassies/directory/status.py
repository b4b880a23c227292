"""A mission's status comes from evidence: its status facts (closed, suspended, relocated,
reopened, each with a source), else what Wikidata lists, else what an editor set.

One function, `derive`, sets a mission's status from its facts; the status-file import and the
admin both call it. The latest fact in force wins; an editor's status is never overwritten
(the facts' verdict is filed as a conflict for review instead).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from embassies.directory.history import is_editor
from embassies.directory.models import FactStatus, FieldConflict, Mission, Status, StatusFact
from embassies.lib.urls import web_url

SOURCE = "mission_status"  # Mission.sources["status"] when the facts decided it
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def partial_date(value: str) -> str:
    """'2022', '2022-02' or '2022-02-24', checked to be a real date; ValueError otherwise."""
    text = value.strip()
    if not _PARTIAL_DATE.fullmatch(text):
        raise ValueError(f"{value!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) for part in (text + "-01-01")[:10].split("-"))
    try:
        date(year, month, day)
    except ValueError:  # 2022-02-30, month 13
        raise ValueError(f"{value!r} is not a real date") from None
    return text


def _reached(partial: str, today: str) -> bool:
    """Whether a partial date has come, at its own precision ('2026' has come in 2026)."""
    return today[: len(partial)] >= partial


@dataclass(frozen=True)
class Derived:
    """What a mission's facts say now; `fact` is the one that decides (None: no evidence)."""

    status: str
    since: str
    moved_to: str
    fact: StatusFact | None


NO_EVIDENCE = Derived(Status.OPEN, "", "", None)


def decide(facts: Iterable[StatusFact], today: str) -> Derived:
    """The latest fact that has begun decides; one that has ended leaves the mission open
    again from its `until`. A fact dated in the future is not in force yet."""
    begun = [f for f in facts if _reached(f.since, today)]
    if not begun:
        return NO_EVIDENCE
    latest = max(begun, key=lambda f: (f.since, f.pk or 0))
    if latest.status == FactStatus.REOPENED:
        return Derived(Status.OPEN, latest.since, "", latest)
    if latest.until and _reached(latest.until, today):
        return Derived(Status.OPEN, latest.until, "", latest)
    return Derived(latest.status, latest.since, latest.moved_to, latest)


def today() -> str:
    return timezone.now().date().isoformat()


def current(mission: Mission) -> Derived:
    """What the mission's facts say today (uses prefetched facts when there are any)."""
    return decide(mission.status_facts.all(), today())


@transaction.atomic
def derive(mission: Mission, reason: str) -> bool:
    """Set the mission's status, since and moved_to from its facts; True when it changed.

    A status an editor set stays: the facts' verdict becomes a FieldConflict. A mission whose
    facts are all gone goes back to open, without a source, until another source speaks."""
    derived = current(mission)
    held_by = mission.sources.get("status", "")
    if is_editor(held_by):
        _conflict(mission, derived, held_by)
        return False
    if derived.fact is None and held_by != SOURCE:
        return False  # no evidence here, and the status is another source's: leave it
    wanted = (derived.status, derived.since, derived.moved_to)
    if (mission.status, mission.status_since, mission.moved_to) == wanted and held_by == SOURCE:
        return False
    mission.status, mission.status_since, mission.moved_to = wanted
    for key, value in (
        ("status", derived.fact),
        ("status_since", derived.since),
        ("moved_to", derived.moved_to),
    ):
        if value:
            mission.sources[key] = SOURCE
        else:
            mission.sources.pop(key, None)
    mission._change_reason = reason  # type: ignore[attr-defined]
    mission.save()
    return True


def _conflict(mission: Mission, derived: Derived, held_by: str) -> None:
    """Keep the facts' status for an editor to review; an unchanged one is left as it is."""
    if derived.fact is None or derived.status == mission.status:
        return
    stored = FieldConflict.objects.filter(mission=mission, field="status", source=SOURCE).first()
    if stored and (stored.source_value, stored.current_value) == (derived.status, mission.status):
        return
    FieldConflict.objects.update_or_create(
        mission=mission,
        field="status",
        source=SOURCE,
        defaults={
            "source_value": derived.status,
            "current_value": mission.status,
            "current_source": held_by,
            "resolved": False,
            "decision": "",
            "decided_by": "",
            "decided_at": None,
        },
    )


@dataclass(frozen=True)
class Evidence:
    """Where a mission's status comes from, as pages and the API show it."""

    name: str  # "mission_status", "wikidata" or "editor"
    url: str  # http(s) only, or ""
    title: str
    fact: StatusFact | None = None


def evidence(mission: Mission) -> Evidence | None:
    """The source of the mission's status now; None when nothing but a default says it."""
    held_by = str(mission.sources.get("status", ""))
    if is_editor(held_by):
        return Evidence("editor", "", "")
    if held_by == SOURCE:
        fact = current(mission).fact
        if fact is None:
            return None
        name = "editor" if is_editor(fact.source) else SOURCE
        return Evidence(name, web_url(fact.source_url), fact.source_title, fact)
    if held_by.startswith("wikidata") and mission.wikidata:
        return Evidence("wikidata", f"https://www.wikidata.org/wiki/{mission.wikidata}", "Wikidata")
    return None


@transaction.atomic
def save_fact(fact: StatusFact, editor: str) -> bool:
    """An editor's new or changed fact: it becomes theirs, so no import overwrites it; the
    mission's status follows. True when the mission's status changed."""
    fact.source = editor
    fact._change_reason = f"edited by {editor}"  # type: ignore[attr-defined]
    fact.save()
    return derive(Mission.objects.get(pk=fact.mission_id), f"status facts edited by {editor}")


@transaction.atomic
def delete_fact(fact: StatusFact, editor: str) -> bool:
    """An editor removes a fact (an import never brings it back); the status follows."""
    mission = Mission.objects.get(pk=fact.mission_id)
    fact._change_reason = f"deleted by {editor}"  # type: ignore[attr-defined]
    fact.delete()
    return derive(mission, f"status facts edited by {editor}")
