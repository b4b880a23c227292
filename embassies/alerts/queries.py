"""Which alerts and advisories a page shows: one way, for pages, the API, the finder and feed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Case, F, Prefetch, QuerySet, When
from django.db.models.functions import Greatest
from django.utils import timezone

from embassies.alerts.models import Advisory, Alert, Severity, Source, active_q
from embassies.alerts.serialize import alert_summary
from embassies.directory.models import Mission


def active(now: datetime | None = None) -> QuerySet[Alert]:
    missions = Mission.objects.select_related("sending", "host").order_by("pk")
    return (
        Alert.objects.filter(active_q(now))
        .select_related("country", "advisory", "advisory__country")
        .prefetch_related(Prefetch("missions", queryset=missions))
    )


def _rank(alert: Alert) -> tuple[int, bool, float, int]:
    """Most severe first; between equals an editor's words, then the newest."""
    return (-alert.severity, alert.source != Source.EDITOR, -alert.starts_at.timestamp(), -alert.pk)


def codes_of(countries: Iterable[object]) -> list[str]:
    """Codes from codes or countries ("RU" or a Country), upper-cased, in order, once each."""
    found: list[str] = []
    for item in countries:
        code = str(getattr(item, "code", item) or "").strip().upper()
        # Only letters can be a country code; anything else (a NUL from a URL) is no country.
        if code.isascii() and code.isalpha() and code not in found:
            found.append(code)
    return found


def banners(codes: list[str], now: datetime | None = None) -> list[Alert]:
    """At most one alert per country (its most severe), most severe first, then in given order."""
    if not codes:
        return []
    best: dict[str, Alert] = {}
    for alert in sorted(active(now).filter(country_id__in=codes), key=_rank):
        best.setdefault(alert.country_id, alert)
    position = {code: i for i, code in enumerate(codes)}
    return sorted(best.values(), key=lambda a: (-a.severity, position[a.country_id]))


def for_country(code: str, now: datetime | None = None) -> list[Alert]:
    return sorted(active(now).filter(country_id=code.upper()), key=_rank)


def listing(code: str | None = None, now: datetime | None = None) -> list[Alert]:
    """Active alerts, of one country or all: most severe first, then by country name."""
    found = active(now).filter(country_id=code.upper()) if code else active(now)
    return sorted(found, key=lambda a: (-a.severity, a.country.name, *_rank(a)[1:]))


@dataclass(frozen=True)
class Crises:
    """The home page's alerts: the active crises, and every country whose alerts are on or
    still to come (the page changes when one of theirs starts or ends)."""

    alerts: list[Alert]  # one per country, by country name
    codes: list[str]


def crises(now: datetime | None = None) -> Crises:
    """In one query: the home page is counted in queries."""
    now = now or timezone.now()
    found = list(
        Alert.objects.exclude(ends_at__lte=now).select_related(
            "country", "advisory", "advisory__country"
        )
    )
    best: dict[str, Alert] = {}
    for alert in sorted(found, key=_rank):
        if alert.severity == Severity.CRISIS and alert.is_active(now):
            best.setdefault(alert.country_id, alert)
    alerts = sorted(best.values(), key=lambda a: a.country.name)
    return Crises(alerts=alerts, codes=sorted({a.country_id for a in found}))


def advisories(code: str | None = None) -> QuerySet[Advisory]:
    found = Advisory.objects.select_related("country").order_by("country__name", "issuer")
    return found.filter(country_id=code.upper()) if code else found


def _changed_at(now: datetime) -> Greatest:
    """The latest of: the last edit, the start and the end, counting only moments passed."""
    started = Case(When(starts_at__lte=now, then=F("starts_at")), default=F("updated_at"))
    ended = Case(When(ends_at__lte=now, then=F("ends_at")), default=F("updated_at"))
    return Greatest("updated_at", started, ended)


def recent_changes(limit: int = 50, now: datetime | None = None) -> QuerySet[Alert]:
    """Alerts by their latest change, each annotated with `changed_at`: the feed's entries."""
    changed = _changed_at(now or timezone.now())
    found = Alert.objects.select_related("country", "advisory", "advisory__country").annotate(
        changed_at=changed
    )
    return found.order_by("-changed_at", "-pk")[:limit]


def finder_alerts(code: str, now: datetime | None = None) -> list[dict[str, Any]]:
    """The finder's `alerts`: the host country's active alerts, most severe first."""
    return [alert_summary(alert) for alert in for_country(code, now)]
