"""The JSON shape of an alert and of an advisory, shared by the API, the finder and the CLI."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from embassies.alerts.advisories.issuers import credit_of, name_of
from embassies.alerts.models import Advisory, Alert, Severity


def _url(path: str, request: HttpRequest | None) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def finder_url(code: str) -> str:
    """The finder pre-set to the country: where a banner sends its reader."""
    return f"{reverse('web:find')}?in={code}"


def alert_summary(alert: Alert, request: HttpRequest | None = None) -> dict[str, Any]:
    """What the finder lists: code, headline, level, severity, url (the alert on /alerts/)."""
    return {
        "id": alert.pk,
        "code": alert.country_id,
        "headline": alert.headline,
        "level": alert.severity,
        "severity": Severity(alert.severity).name.lower(),
        "url": _url(f"{reverse('alerts:index')}#alert-{alert.pk}", request),
    }


def alert_to_dict(alert: Alert, request: HttpRequest | None = None) -> dict[str, Any]:
    """Expects country, advisory and missions loaded (queries.active)."""
    return alert_summary(alert, request) | {
        "country_name": alert.country.name,
        "body": alert.body,
        "starts_at": _iso(alert.starts_at),
        "ends_at": _iso(alert.ends_at),
        "active": alert.is_active(),
        "source": alert.source,
        "issuer": alert.advisory.issuer if alert.advisory else None,
        "source_url": alert.source_url or None,
        "missions": [m.pk for m in alert.missions.all()],
        "finder_url": _url(finder_url(alert.country_id), request),
    }


def advisory_to_dict(advisory: Advisory) -> dict[str, Any]:
    """One issuer's advice for one country: `level` on the common scale (1-4), the issuer's own
    words beside it, and the credit its terms require wherever it is shown."""
    return {
        "issuer": advisory.issuer,
        "issuer_name": name_of(advisory.issuer),
        "code": advisory.country_id,
        "level": advisory.level,
        "parts_only": advisory.parts_only,
        "issuer_level": advisory.issuer_level,
        "title": advisory.title,
        "published": _iso(advisory.published),
        "link": advisory.link or None,
        "updated_at": _iso(advisory.updated_at),
        "credit": credit_of(advisory.issuer) or None,
    }
