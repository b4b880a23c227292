"""Crisis alerts that follow official advisories: raised at level 4, ended below it.

Only alerts whose source is the advisory are touched; an editor may reword one freely, and
alerts an editor wrote (source "editor") are never changed by an import.
"""

from __future__ import annotations

from datetime import datetime

from embassies.alerts.models import Advisory, Alert, Severity, Source
from embassies.countries.grammar import the
from embassies.lib.changes import countries_changed

CRISIS_LEVEL = 4


def headline(issuer_name: str, country_name: str) -> str:
    return f"The {issuer_name} advises: do not travel to {the(country_name)} (level 4 of 4)"


def _raise(advisory: Advisory, issuer_name: str, now: datetime) -> Alert:
    return Alert.objects.create(
        country=advisory.country,
        headline=headline(issuer_name, advisory.country.name),
        body=f"From the {issuer_name}'s travel advisory \u201c{advisory.title}\u201d.",
        severity=Severity.CRISIS,
        starts_at=now,
        source=Source.ADVISORY,
        advisory=advisory,
        source_url=advisory.link,
    )


def _end(advisory: Advisory, now: datetime) -> int:
    """Ends the advisory's own alerts that are on or scheduled; returns how many."""
    still_open = Alert.objects.filter(advisory=advisory, source=Source.ADVISORY).exclude(
        ends_at__lte=now
    )
    # A scheduled one ends before it starts: both set to now, so it is never shown.
    scheduled = still_open.filter(starts_at__gt=now).update(
        starts_at=now, ends_at=now, updated_at=now
    )
    ended = scheduled + still_open.update(ends_at=now, updated_at=now)
    if ended:
        countries_changed([advisory.country_id])  # QuerySet.update sends no signals
    return ended


def follow(advisory: Advisory, previous: int | None, issuer_name: str, now: datetime) -> str:
    """'raised' when the advisory just reached level 4, 'ended' when it left it, else ''."""
    was_crisis = (previous or 0) >= CRISIS_LEVEL
    if advisory.level >= CRISIS_LEVEL and not was_crisis:
        _raise(advisory, issuer_name, now)
        return "raised"
    if advisory.level < CRISIS_LEVEL and _end(advisory, now):
        return "ended"
    return ""
