"""How far a mission's details can be trusted: the date of the data they come from, and a
plain notice when no source or editor has confirmed them for EMBASSIES_STALE_DAYS.

`verified_at` holds the date of the data that last confirmed a mission (a snapshot's date, a
live query's time, an editor's check), never the day an old file happened to be imported, so
a snapshot of November 2022 imported today still reads "as of November 2022".
One function per question, shared by pages, vCards, the API and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from embassies.directory.history import describe_source
from embassies.directory.models import Mission
from embassies.directory.status_words import month_text
from embassies.lib.changes import countries_changed


@dataclass(frozen=True)
class Freshness:
    """What confirmed a mission's details last, when, and whether that is too long ago."""

    verified_at: datetime | None
    source: str  # in plain words, in the active language: "Wikidata", "an editor"
    stale: bool

    @property
    def notice(self) -> str | None:
        """The sentence shown wherever the mission is offered; None while it is fresh."""
        if not self.stale:
            return None
        if self.verified_at is None:
            return gettext("No source or editor has confirmed these details: call before you go.")
        return gettext(
            "These details come from %(source)s as of %(when)s and may be out of date: "
            "call before you go."
        ) % {"source": self.source, "when": month_text(self.verified_at)}


def confirm(missions: QuerySet[Mission], as_of: datetime, by: str) -> int:
    """Record that `by` confirmed these missions as of `as_of`: one UPDATE, no history row
    (nothing about them changed), and never backwards (an old file does not undo a newer
    confirmation)."""
    older = missions.filter(Q(verified_at__isnull=True) | Q(verified_at__lt=as_of))
    countries = set(older.order_by().values_list("sending_id", "host_id").distinct())
    count = older.update(verified_at=as_of, verified_by=by)
    if count:  # the date shows on their pages; QuerySet.update sends no signals
        countries_changed(code for pair in countries for code in pair)
    return count


def confirming_source(mission: Mission) -> str:
    """Who confirmed the details last, the way people would name it; for a mission confirmed
    before that was recorded, the source behind most of its details."""
    if mission.verified_by:
        return describe_source(mission.verified_by)
    sources = [str(s) for s in mission.sources.values()]
    if not sources:
        return describe_source("")
    main = max(sorted(set(sources)), key=sources.count)
    return describe_source(main.removesuffix(":absent"))


def is_stale(verified_at: datetime | None, now: datetime | None = None) -> bool:
    limit = (now or timezone.now()) - timedelta(days=settings.QUALITY_STALE_DAYS)
    return verified_at is None or verified_at < limit


def freshness(mission: Mission, now: datetime | None = None) -> Freshness:
    verified = mission.verified_at
    return Freshness(verified, confirming_source(mission), is_stale(verified, now))
