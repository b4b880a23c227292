"""Alerts written by editors from scripts (`embassies alert add`); the admin does the rest."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from embassies.alerts.models import Alert, Severity, Source
from embassies.countries.models import Country
from embassies.directory.models import Mission

HEADLINE_MAX = Alert._meta.get_field("headline").max_length or 200


def parse_until(text: str) -> datetime:
    """'2026-12-31' -> the end of that day (UTC); '2026-12-31T18:00+03:00' as written."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        pass
    else:
        return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--until {text!r}: use a date (2026-12-31) or an ISO date-time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _check(headline: str, ends_at: datetime | None, now: datetime) -> None:
    if not headline.strip():
        raise ValueError("the headline is empty")
    if len(headline) > HEADLINE_MAX:
        raise ValueError(f"the headline is longer than {HEADLINE_MAX} characters")
    if ends_at is not None and ends_at <= now:
        raise ValueError("--until is not in the future: the alert would never show")


def _country(code: str) -> Country:
    country = Country.objects.filter(code=code.strip().upper()).first()
    if country is None or len(code.strip()) != 2:
        raise ValueError(f"unknown country code {code!r}; use ISO 3166-1 alpha-2 (RU)")
    return country


def _missions(ids: list[int]) -> list[Mission]:
    found = list(Mission.objects.filter(pk__in=ids))
    missing = sorted(set(ids) - {m.pk for m in found})
    if missing:
        raise ValueError(f"no mission with id {', '.join(map(str, missing))}")
    return found


def add_alert(
    code: str,
    headline: str,
    *,
    level: Severity = Severity.CRISIS,
    until: datetime | None = None,
    body: str = "",
    source_url: str = "",
    missions: tuple[int, ...] = (),
) -> Alert:
    """An editor's alert, starting now; ValueError with the reason when an argument is wrong."""
    now = timezone.now()
    _check(headline, until, now)
    country, affected = _country(code), _missions(list(missions))
    with transaction.atomic():
        alert = Alert.objects.create(
            country=country,
            headline=headline.strip(),
            body=body.strip(),
            severity=level,
            starts_at=now,
            ends_at=until,
            source=Source.EDITOR,
            source_url=source_url,
        )
        alert.missions.set(affected)
    return alert
