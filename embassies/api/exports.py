"""GET /api/v1/exports/missions.csv, .geojson and .jsonl: every mission, or those filtered.

The filters are the missions list's (schemas.FilterQuery, then parse_filter); the body is
streamed, so a full export costs the server about one chunk of missions in memory, not the
whole directory.

A failure before the first piece is an error response (500 in the API's error shape); one
after it cannot change the 200 already sent, so the body ends with directory.exports.FAILED,
which leaves the document invalid in every format, and the connection is dropped.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from ninja import Query, Router

from embassies.api.errors import ApiError
from embassies.api.schemas import ErrorOut, FilterQuery, MissionOut
from embassies.directory.exports import FORMATS, export
from embassies.directory.filters import FilterError, filtered, parse_filter

router = Router(tags=["exports"])


def _documented(fmt: str, what: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The 200 response as it really is (not application/json), for the OpenAPI document."""
    media_type = FORMATS[fmt].content_type.split(";")[0]
    content = {media_type: {"schema": schema or {"type": "string", "description": what}}}
    return {"responses": {200: {"description": what, "content": content}}}


def _inlined(schema: Any, defs: dict[str, Any]) -> Any:
    """`schema` with its local $refs replaced by their definitions: an operation's own schema
    cannot point into a model's "$defs"."""
    if isinstance(schema, list):
        return [_inlined(item, defs) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        return _inlined(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    return {key: _inlined(value, defs) for key, value in schema.items() if key != "$defs"}


def _properties_schema() -> dict[str, Any]:
    """A feature's properties: the mission's JSON shape without lat and lon."""
    mission = MissionOut.model_json_schema()
    schema = _inlined(mission, mission.get("$defs", {}))
    for name in ("lat", "lon"):
        del schema["properties"][name]
        schema["required"].remove(name)
    return dict(schema)


def _const(value: str) -> dict[str, Any]:
    return {"type": "string", "enum": [value]}


def _feature_collection_schema() -> dict[str, Any]:
    coordinates = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
    point = {
        "type": "object",
        "required": ["type", "coordinates"],
        "properties": {"type": _const("Point"), "coordinates": coordinates},
    }
    feature = {
        "type": "object",
        "required": ["type", "id", "geometry", "properties"],
        "properties": {
            "type": _const("Feature"),
            "id": {"type": "integer"},
            "geometry": {"anyOf": [point, {"type": "null"}]},
            "properties": _properties_schema(),
        },
    }
    return {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": _const("FeatureCollection"),
            "features": {"type": "array", "items": feature},
        },
    }


def _streamed(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    try:
        chosen = parse_filter(request.GET)
    except FilterError as error:
        raise ApiError(422, str(error), details={"field": error.field}) from None
    spec = FORMATS[fmt]
    body = export(fmt, filtered(chosen), request)
    # The first piece runs the query here, in the view: a database error becomes an error
    # response, not a 200 cut short (once streaming starts, the status is sent).
    first = next(body, "")
    response = StreamingHttpResponse(chain([first], body), content_type=spec.content_type)
    response["Content-Disposition"] = f'attachment; filename="missions.{spec.extension}"'
    return response


RESPONSES: dict[int, Any] = {200: None, 422: ErrorOut}


@router.get(
    "/exports/missions.csv",
    response=RESPONSES,
    summary="Missions as CSV",
    openapi_extra=_documented("csv", "CSV with a header row, one mission per record."),
)
def export_csv(request: HttpRequest, filters: Query[FilterQuery]) -> StreamingHttpResponse:
    """Columns: id, wikidata, kind, sending, host, city, address, lat, lon, status, phones and
    emails (each joined by " | "), website, accreditations (codes joined by a space), url,
    updated_at."""
    return _streamed(request, "csv")


@router.get(
    "/exports/missions.geojson",
    response=RESPONSES,
    summary="Missions as GeoJSON",
    openapi_extra=_documented(
        "geojson", "A GeoJSON FeatureCollection (RFC 7946).", _feature_collection_schema()
    ),
)
def export_geojson(request: HttpRequest, filters: Query[FilterQuery]) -> StreamingHttpResponse:
    """One Feature per mission: a Point at [lon, lat], or a null geometry where the place is
    unknown; properties are the mission's JSON shape without lat and lon."""
    return _streamed(request, "geojson")


@router.get(
    "/exports/missions.jsonl",
    response=RESPONSES,
    summary="Missions as JSON Lines",
    openapi_extra=_documented("jsonl", "JSON Lines: one mission per line."),
)
def export_jsonl(request: HttpRequest, filters: Query[FilterQuery]) -> StreamingHttpResponse:
    """One mission per line, in the same shape as GET /missions/{ref}."""
    return _streamed(request, "jsonl")
