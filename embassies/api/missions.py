"""Missions: one (by id or QID), a filtered list with cursor pagination, and editors' writes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from django.utils.translation import gettext
from ninja import Field, Query, Router
from ninja.params.functions import Path  # typed; ninja's alias is for annotations
from ninja.responses import Status as Answer

from embassies.api.auth import TokenAuth
from embassies.api.errors import ApiError
from embassies.api.models import ApiToken
from embassies.api.schemas import (
    ErrorOut,
    FilterQuery,
    MissionChanges,
    MissionOut,
    MissionPage,
    NewMission,
)
from embassies.countries.models import Country
from embassies.directory.editing import EditError, create_mission, edit_mission
from embassies.directory.filters import FilterError, filtered, parse_filter
from embassies.directory.models import Mission
from embassies.directory.queries import mission_by_ref, with_relations
from embassies.directory.serialize import mission_to_dict

router = Router(tags=["missions"])
REF = Path(..., pattern=r"^(\d+|[Qq]\d+)$", description='Numeric id or QID ("Q4374011").')
MAX_LIMIT = 500
MAX_ID = 2**63 - 1  # ids are 64-bit integers in every database


class MissionQuery(FilterQuery):
    """The filters, and a page of them, declared so the OpenAPI document says what is accepted."""

    # Keyset pagination: the cursor is the id after which the page starts. Ids only grow, so a
    # page never skips or repeats a mission, whatever is inserted meanwhile.
    cursor: int | None = Field(
        None, ge=0, le=MAX_ID, description="next_cursor of the previous page"
    )
    limit: int = Field(100, ge=1, le=MAX_LIMIT)


@router.get("/missions", response={200: MissionPage, 422: ErrorOut}, summary="Missions, filtered")
def list_missions(request: HttpRequest, query: Query[MissionQuery]) -> dict[str, Any]:
    """Filters combine; results come in a stable order (by id), `next_cursor` gives the next page."""
    try:
        chosen = parse_filter(request.GET)
    except FilterError as error:
        raise ApiError(422, str(error), details={"field": error.field}) from None
    after = query.cursor or 0
    page = list(with_relations(filtered(chosen).filter(id__gt=after))[: query.limit + 1])
    more = len(page) > query.limit
    page = page[: query.limit]
    return {
        "results": [mission_to_dict(m, request) for m in page],
        "next_cursor": page[-1].pk if more else None,
    }


@router.get(
    "/missions/{ref}",
    response={200: MissionOut, 404: ErrorOut, 422: ErrorOut},
    summary="One mission",
)
def get_mission(request: HttpRequest, response: HttpResponse, ref: str = REF) -> dict[str, Any]:
    mission = _found(ref)
    response["Last-Modified"] = http_date(mission.updated_at.timestamp())
    return mission_to_dict(mission, request)


def _found(ref: str) -> Mission:
    mission = mission_by_ref(ref)
    if mission is None:
        raise ApiError(404, f"No mission with id {ref}.")
    return mission


def _edited(request: HttpRequest, action: Any) -> dict[str, Any]:
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    try:
        mission = action(token.editor)
    except EditError as error:
        raise ApiError(422, str(error), details=error.details) from None
    return mission_to_dict(_found(str(mission.pk)), request)


@router.patch(
    "/missions/{ref}",
    auth=TokenAuth(),
    response={
        200: MissionOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        413: ErrorOut,
        422: ErrorOut,
    },
    summary="Change a mission (token required)",
)
def patch_mission(request: HttpRequest, changes: MissionChanges, ref: str = REF) -> dict[str, Any]:
    """Only the fields sent change; a body that changes nothing answers the mission as it is
    and adds no version to its history."""
    mission = _found(ref)
    fields = changes.dict(exclude_unset=True)
    return _edited(request, lambda editor: edit_mission(mission, fields, editor))


def _known_country(code: str) -> str:
    """`code` upper-cased, once a country has it: a well-formed code no country has is a
    missing resource (404), as in GET /countries/{code}; the document allows any such code."""
    upper = code.upper()
    if not Country.objects.filter(code=upper).exists():
        raise ApiError(404, gettext("No country with code %(code)s.") % {"code": upper})
    return upper


@router.post(
    "/missions",
    auth=TokenAuth(),
    response={
        201: MissionOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        413: ErrorOut,
        422: ErrorOut,
    },
    summary="Add a mission (token required)",
)
def post_mission(request: HttpRequest, new: NewMission) -> Answer[dict[str, Any]]:
    fields = new.dict(exclude={"sending", "host"})
    sending, host = _known_country(new.sending), _known_country(new.host)
    return Answer(
        201, _edited(request, lambda editor: create_mission(sending, host, fields, editor))
    )
