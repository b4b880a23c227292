"""GET /api/v1/search and GET /api/v1/find: the search box and the finder, as JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from embassies.api.errors import ApiError
from embassies.api.schemas import ErrorOut, MissionOut
from embassies.assistance.finder import FinderError, find
from embassies.assistance.points import parse_point
from embassies.assistance.serialize import finder_to_dict
from embassies.directory.search.engine import MAX_LIMIT, MAX_QUERY_CHARS, search
from embassies.directory.serialize import mission_to_dict

router = Router(tags=["search"])


class SearchOut(Schema):
    results: list[MissionOut]


class CountryRef(Schema):
    code: str
    name: str


class AnswerOut(Schema):
    mission: MissionOut | None  # null: an arrangement whose office the directory does not know
    reason: str
    basis: str
    distance_km: float | None
    source_url: str | None
    representing: str  # alpha-2 of the state whose office helps
    office: str  # "Embassy of Qatar in Afghanistan": the mission's title, or the office's
    since: str | None  # the arrangement's date (YYYY, YYYY-MM or YYYY-MM-DD)
    in_city: str | None  # the point is in this city, the mission's: "in Moscow", not "2 km"
    note: str | None  # an office answer: why no address is given


class EmergencyLineOut(Schema):
    name: str
    phone: str
    source_url: str
    notes: str


class FindOut(Schema):
    citizen: CountryRef
    in_: CountryRef = Field(..., alias="in")
    near: list[float] | None
    message: str
    answers: list[AnswerOut]
    unavailable: list[AnswerOut]
    alerts: list[dict[str, Any]]
    emergency_lines: list[EmergencyLineOut]


@router.get("/search", response={200: SearchOut, 422: ErrorOut}, summary="Search missions")
def search_missions(
    request: HttpRequest,
    q: str = Query(
        "", max_length=MAX_QUERY_CHARS, description='"canadian embassy moscow", any language.'
    ),
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
) -> dict[str, Any]:
    """Missions that answer a query, best first; an empty query gives no results."""
    return {"results": [mission_to_dict(hit.mission, request) for hit in search(q, limit)]}


@router.get(
    "/find",
    response={200: FindOut, 422: ErrorOut},
    summary="Who can help a citizen abroad",
    by_alias=True,
)
def find_help(
    request: HttpRequest,
    citizen: str = Query(
        ..., min_length=1, max_length=10, description="Citizenship, alpha-2 (CA)."
    ),
    host: str = Query(
        ..., alias="in", min_length=1, max_length=10, description="Where, alpha-2 (RU)."
    ),
    near: str | None = Query(None, max_length=60, description="LAT,LON, e.g. 43.1155,131.8855."),
) -> dict[str, Any]:
    """Offices that can help, each with the reason and distance; emergency lines; alerts."""
    try:
        point = parse_point(near) if near else None
        result = find(citizen, host, point)
    except FinderError as error:
        details = [{"loc": ["query", error.field], "msg": str(error), "type": "value_error"}]
        raise ApiError(422, str(error), details=details) from error
    return finder_to_dict(result, request)
