"""GET /api/v1/countries/{code}: reference facts and mission counts for one country."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Router

from embassies.api.errors import ApiError
from embassies.api.schemas import CountryOut, ErrorOut
from embassies.countries.models import Country
from embassies.directory.queries import country_counts
from embassies.directory.serialize import country_to_dict

router = Router(tags=["countries"])


@router.get(
    "/countries/{code}",
    response={200: CountryOut, 404: ErrorOut, 422: ErrorOut},
    summary="One country",
)
def get_country(
    request: HttpRequest,
    code: str = Path(..., pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, any case."),
) -> dict[str, Any]:
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise ApiError(404, f"No country with code {code.upper()}.")
    return country_to_dict(country, country_counts(country), request)
