"""GET /api/v1/alerts: active alerts and each issuer's current travel-advisory level."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.params.functions import Query  # typed; ninja's aliases are for annotations

from embassies.alerts import queries
from embassies.alerts.serialize import advisory_to_dict, alert_to_dict
from embassies.api.errors import ApiError
from embassies.api.schemas import ErrorOut
from embassies.countries.models import Country

router = Router(tags=["alerts"])


class AlertOut(Schema):
    id: int
    code: str
    country_name: str
    headline: str
    body: str
    level: int
    severity: str
    starts_at: str
    ends_at: str | None
    active: bool
    source: str
    issuer: str | None
    source_url: str | None
    missions: list[int]
    url: str
    finder_url: str


class AdvisoryOut(Schema):
    issuer: str = Field(description='The issuing state, ISO alpha-2: "US", "GB", "CA", "DE".')
    issuer_name: str
    code: str = Field(description="The country the advice is about, ISO alpha-2.")
    level: int = Field(
        description="The common scale: 1 normal precautions, 2 increased caution, "
        "3 reconsider or avoid non-essential travel, 4 do not travel (the whole country)."
    )
    parts_only: bool = Field(
        description="The issuer also warns against parts of the country, more strictly "
        "than `level` (a regional or partial warning)."
    )
    issuer_level: str = Field(
        description='The issuer\'s own words for its level: "Avoid non-essential travel", '
        '"Reisewarnung"; empty when it states none.'
    )
    title: str
    published: str | None
    link: str | None
    updated_at: str
    credit: str | None = Field(
        description="The attribution the issuer's terms require wherever its advice is shown."
    )


class AlertsOut(Schema):
    alerts: list[AlertOut]
    advisories: list[AdvisoryOut]


@router.get(
    "/alerts",
    response={200: AlertsOut, 404: ErrorOut, 422: ErrorOut},
    summary="Active alerts and travel-advisory levels",
)
def list_alerts(
    request: HttpRequest,
    country: str | None = Query(
        None, pattern=r"^[A-Za-z]{2}$", description="Only this country, alpha-2 (RU)."
    ),
) -> dict[str, Any]:
    """Active alerts, most severe first, and every issuer's current level (1-4) per country."""
    code = country.upper() if country else None
    if code and not Country.objects.filter(code=code).exists():
        raise ApiError(404, f"No country with code {code}.")
    return {
        "alerts": [alert_to_dict(a, request) for a in queries.listing(code)],
        "advisories": [advisory_to_dict(a) for a in queries.advisories(code)],
    }
