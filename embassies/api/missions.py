"""GET /api/v1/missions/{ref}: one mission by numeric id or Wikidata QID."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Router

from embassies.api.errors import ApiError
from embassies.api.schemas import ErrorOut, MissionOut
from embassies.directory.queries import mission_by_ref
from embassies.directory.serialize import mission_to_dict

router = Router(tags=["missions"])


@router.get(
    "/missions/{ref}",
    response={200: MissionOut, 404: ErrorOut, 422: ErrorOut},
    summary="One mission",
)
def get_mission(
    request: HttpRequest,
    ref: str = Path(..., pattern=r"^(\d+|[Qq]\d+)$", description='Numeric id or QID ("Q4374011").'),
) -> dict[str, Any]:
    mission = mission_by_ref(ref)
    if mission is None:
        raise ApiError(404, f"No mission with id {ref}.")
    return mission_to_dict(mission, request)
