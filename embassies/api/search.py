"""GET /api/v1/search and GET /api/v1/find: the search box and the finder, as JSON."""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Router, Schema
from ninja.params.functions import Query  # typed; ninja's aliases are for annotations
from ninja.responses import NinjaJSONEncoder

from embassies.api.errors import ApiError
from embassies.api.schemas import COUNTRY_CODE, NEAR, ErrorOut, MissionOut
from embassies.assistance.finder import FinderError
from embassies.assistance.points import answer as answer_near
from embassies.assistance.serialize import finder_to_dict
from embassies.directory.models import Mission
from embassies.directory.search.engine import MAX_LIMIT, MAX_QUERY_CHARS, search
from embassies.directory.serialize import mission_to_dict
from embassies.directory.status import today

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


class NationalityOut(Schema):
    """citizen=PR: people of Puerto Rico hold United States passports; the answer is the
    United States' (in `citizen`), and this says so."""

    named: CountryRef  # the entry asked for (PR, HK)
    helped_as: CountryRef  # the state whose offices answer, as in `citizen`
    message: str
    source_url: str | None


class FindOut(Schema):
    citizen: CountryRef  # the state whose offices answer (US for citizen=PR)
    in_: CountryRef = Field(..., alias="in")
    near: list[float] | None
    message: str
    answers: list[AnswerOut]
    unavailable: list[AnswerOut]
    alerts: list[dict[str, Any]]
    emergency_lines: list[EmergencyLineOut]
    nationality: NationalityOut | None  # null unless another state answers for the entry asked
    eu_rule: str | None  # the EU rule, once, when member states' offices answer


@router.get("/search", response={200: SearchOut, 422: ErrorOut}, summary="Search missions")
def search_missions(
    request: HttpRequest,
    q: str = Query(
        "", max_length=MAX_QUERY_CHARS, description='"canadian embassy moscow", any language.'
    ),
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
) -> HttpResponse:
    """Missions that answer a query, best first; an empty query gives no results."""
    # Each result is MissionOut's dump (_shown), kept written as JSON: the answer is what ninja
    # would write, without checking 20 missions against the schema and writing them again on
    # every request (tests/search/test_snapshot.py holds the two equal).
    results = ", ".join(_shown_json(hit.mission, request) for hit in search(q, limit))
    content = '{"results": [' + results + "]}"
    return HttpResponse(content, content_type="application/json; charset=utf-8")


_SHOWN = "_api_shown"  # where a mission object keeps its dump (see _kept)
_URL = "\x00url\x00"  # stands for the URL in the kept JSON (no field holds a NUL)


@dataclass(frozen=True)
class _Shown:
    key: tuple[Any, ...]  # (language, day, EMBASSIES_STALE_DAYS) it was written for
    until: float  # when the details turn stale (a timestamp; inf: never)
    dump: dict[str, Any]  # MissionOut's dump, the URL a path
    json: tuple[str, str] | None  # its JSON before and after the URL, when it splits there


def _kept(m: Mission) -> _Shown:
    """mission_to_dict(m) as MissionOut dumps it. All of it but the absolute URL is the same
    for every request in one language, on one day (a status fact's dates), while the details
    stay fresh (or stale): it is kept on the mission object. Search's and the finder's missions
    live in the snapshot of their data generation (directory/search/index.py), so what is kept
    with them goes when the data changes."""
    key = (translation.get_language(), today(), settings.QUALITY_STALE_DAYS)
    kept: _Shown | None = m.__dict__.get(_SHOWN)
    if kept is None or kept.key != key or time.time() >= kept.until:
        dump = MissionOut.model_validate(mission_to_dict(m)).model_dump()
        text = json.dumps({**dump, "url": _URL}, cls=NinjaJSONEncoder).split(json.dumps(_URL))
        parts = (text[0], text[1]) if len(text) == 2 else None
        kept = m.__dict__[_SHOWN] = _Shown(key, _turns_stale_at(m, dump), dump, parts)
    return kept


def _url(path: str, request: HttpRequest | None) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def _shown(m: Mission, request: HttpRequest | None) -> dict[str, Any]:
    """mission_to_dict(m, request) as MissionOut dumps it."""
    dump = _kept(m).dump
    return {**dump, "url": _url(dump["url"], request)}


def _shown_json(m: Mission, request: HttpRequest | None) -> str:
    """_shown(m, request) as ninja's renderer writes it."""
    kept = _kept(m)
    url = _url(kept.dump["url"], request)
    if kept.json is None:
        return json.dumps({**kept.dump, "url": url}, cls=NinjaJSONEncoder)
    return kept.json[0] + json.dumps(url) + kept.json[1]


def _turns_stale_at(m: Mission, shown: dict[str, Any]) -> float:
    """When a fresh mission's details turn stale (the dump then changes); never for stale ones."""
    if shown["stale"] or m.verified_at is None:
        return math.inf
    return (m.verified_at + timedelta(days=settings.QUALITY_STALE_DAYS)).timestamp()


@router.get(
    "/find",
    response={200: FindOut, 404: ErrorOut, 422: ErrorOut},
    summary="Who can help a citizen abroad",
    by_alias=True,
)
def find_help(
    request: HttpRequest,
    citizen: str = Query(..., pattern=COUNTRY_CODE, description="Citizenship, alpha-2 (CA)."),
    host: str = Query(..., alias="in", pattern=COUNTRY_CODE, description="Where, alpha-2 (RU)."),
    near: str | None = Query(
        None, max_length=60, pattern=NEAR, description="LAT,LON, e.g. 43.1155,131.8855."
    ),
) -> HttpResponse:
    """Offices that can help, each with the reason and distance; emergency lines; alerts."""
    try:
        result = answer_near(citizen, host, near or "")[1]
    except FinderError as error:
        kind = "not_a_nationality" if error.kind == "not_a_nationality" else "value_error"
        details = [{"loc": ["query", error.field], "msg": str(error), "type": kind}]
        # The document allows any two letters: a code no country has is a missing resource, as
        # in GET /countries/{code}, not a malformed request; citizen=AQ names a known entry
        # no one is a citizen of, a request the finder cannot answer (422).
        missing = error.field in ("citizen", "in") and error.kind == "unknown"
        status = 404 if missing else 422
        raise ApiError(status, str(error), details=details) from error
    # NEAR admits LAT,LON only, never a name several places share: there is always an answer.
    assert result is not None
    # finder_to_dict writes FindOut's fields in its order, with the types it declares, and each
    # mission as MissionOut's dump (_shown): written as ninja would, without checking it again
    # (tests/assistance/test_finder_snapshot_data.py holds the two equal).
    return _json(finder_to_dict(result, request, _shown))


def _json(data: dict[str, Any]) -> HttpResponse:
    """What ninja's JSON renderer makes of `data`, with status 200."""
    content = json.dumps(data, cls=NinjaJSONEncoder)
    return HttpResponse(content, content_type="application/json; charset=utf-8")
