"""Alerts and advisories for tests, every field that matters given explicitly."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from embassies.alerts.models import Advisory, Alert, Severity


def make_alert(code: str, headline: str, **fields: Any) -> Alert:
    """Active since an hour ago, a crisis, unless fields say otherwise."""
    fields.setdefault("starts_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("severity", Severity.CRISIS)
    return Alert.objects.create(country_id=code, headline=headline, **fields)


def ended(hours_ago: int = 1) -> dict[str, datetime]:
    now = timezone.now()
    return {"starts_at": now - timedelta(days=2), "ends_at": now - timedelta(hours=hours_ago)}


def make_advisory(issuer: str, code: str, level: int, title: str = "") -> Advisory:
    return Advisory.objects.create(
        issuer=issuer,
        country_id=code,
        level=level,
        title=title or f"{code} - Level {level}",
        link=f"https://example.org/{issuer}/{code}",
        published=timezone.now(),
    )
