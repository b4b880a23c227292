"""Which alerts and advisories a page shows: one way, for pages, the API, the finder and feed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Case, F, Max, Prefetch, QuerySet, When
from django.db.models.functions import Greatest
from django.utils import timezone

from embassies.alerts.models import (
    DO_NOT_TRAVEL,
    Advisory,
    AdvisorySource,
    Alert,
    Severity,
    Source,
    active_q,
)
from embassies.alerts.serialize import alert_summary
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.models import Mission
from embassies.lib import collation


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


@dataclass(frozen=True)
class CountryAdvice:
    """One country's official travel advice: each issuer's advisory as that issuer gives it,
    side by side (never averaged into one level)."""

    country: Country
    advisories: list[Advisory]  # one per issuer, by issuer code

    @property
    def do_not_travel(self) -> bool:
        """At least one issuer advises against all travel to the country: a level is the
        whole country's on the common scale, whatever stricter word on parts comes with it, so
        this is the rule the crisis banner follows too (raising.CRISIS_LEVEL)."""
        return any(a.level == DO_NOT_TRAVEL for a in self.advisories)


def advice(code: str | None = None) -> list[CountryAdvice]:
    """Every issuer's advisory, of one country or all, grouped by country: countries that an
    issuer says not to travel to at all first, then by name in the page's language."""
    grouped: dict[str, list[Advisory]] = {}
    for advisory in advisories(code):
        grouped.setdefault(advisory.country_id, []).append(advisory)
    found = [CountryAdvice(rows[0].country, rows) for rows in grouped.values()]
    language = titles.language_now()
    named = collation.sorted_by(found, lambda a: titles.country_name(a.country, language), language)
    return sorted(named, key=lambda a: not a.do_not_travel)  # stable: names stay in order


def read_at(codes: list[str]) -> dict[str, datetime]:
    """Issuer code -> when its advice was last read: its live source's last answer (a 304
    included), else the last import that changed one of its advisories."""
    found: dict[str, datetime] = {}
    changed = (
        Advisory.objects.filter(issuer__in=codes).values("issuer").annotate(at=Max("updated_at"))
    )
    checked = AdvisorySource.objects.filter(issuer__in=codes).values("issuer")
    for row in [*changed, *checked.annotate(at=Max("checked_at"))]:
        code, at = row["issuer"], row["at"]
        found[code] = max(at, found.get(code, at))
    return found


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
