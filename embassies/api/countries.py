"""Countries: the list with mission counts, and one country with its alerts and advisory levels."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.params.functions import Path  # typed; ninja's aliases are for annotations

from embassies.alerts.queries import advisories as advisories_of
from embassies.alerts.queries import for_country as alerts_for
from embassies.alerts.serialize import alert_summary
from embassies.api.errors import ApiError
from embassies.api.schemas import CountryDetailOut, CountryList, ErrorOut
from embassies.countries.models import Country
from embassies.directory.queries import Counts, country_counts, counts_by_country
from embassies.directory.serialize import country_to_dict

router = Router(tags=["countries"])


@router.get("/countries", response={200: CountryList}, summary="Every country and territory")
def list_countries(request: HttpRequest) -> dict[str, Any]:
    counts = counts_by_country()
    return {
        "results": [
            country_to_dict(c, counts.get(c.code, Counts(0, 0)), request)
            for c in Country.objects.order_by("name")
        ]
    }


@router.get(
    "/countries/{code}",
    response={200: CountryDetailOut, 404: ErrorOut, 422: ErrorOut},
    summary="One country",
)
def get_country(
    request: HttpRequest,
    code: str = Path(..., pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, any case."),
) -> dict[str, Any]:
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise ApiError(404, f"No country with code {code.upper()}.")
    advisories = [
        {
            "issuer": a.issuer,
            "level": a.level,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "url": a.link or None,
        }
        for a in advisories_of(country.code)
    ]
    return country_to_dict(country, country_counts(country), request) | {
        "alerts": [alert_summary(alert, request) for alert in alerts_for(country.code)],
        "advisories": advisories,
    }
