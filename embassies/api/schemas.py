"""Response schemas: the OpenAPI document's account of the shapes serialize.py builds."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class PhotoOut(Schema):
    url: str
    author: str
    licence: str
    licence_url: str


class StatusSourceOut(Schema):
    name: str  # "mission_status", "wikidata" or "editor"
    url: str | None
    title: str | None


class MissionOut(Schema):
    id: int
    wikidata: str | None
    osm_id: str | None = None  # "node/123": the OpenStreetMap element matched to the mission
    kind: str
    kind_label: str
    title: str
    sending: str
    sending_name: str
    sending_subdivision: str | None
    host: str
    host_name: str
    city: str
    address: str
    lat: float | None
    lon: float | None
    approximate: bool  # lat/lon are the city's centre, not the building's
    territory: str | None  # an entity the host does not control (Abkhazia): no help in the host
    phones: list[str]
    emails: list[str]
    website: str | None
    social: dict[str, str]
    opening_hours: str | None
    head_of_mission: str | None
    status: str
    # Since when the status holds (YYYY, YYYY-MM or YYYY-MM-DD), where a relocated mission's
    # services went, and the evidence: a status fact's source, an editor, or Wikidata.
    status_since: str | None = None
    moved_to: str | None = None
    status_source: StatusSourceOut | None = None
    accreditations: list[str]
    regions: list[str]
    photo: PhotoOut | None
    inception: str | None
    sources: dict[str, Any]
    url: str
    updated_at: str
    # The date of the data that last confirmed the details (a snapshot's date, not the day it
    # was imported); `stale` when that is older than EMBASSIES_STALE_DAYS, with the notice.
    verified_at: str | None
    stale: bool
    notice: str | None


class CountryOut(Schema):
    code: str
    alpha3: str | None
    name: str
    official_name: str | None
    names: dict[str, str]
    alt_names: list[str]
    demonym: str | None
    capital: str | None
    seat_of_government: str | None
    is_eu: bool
    is_state: bool
    wikidata: str | None
    missions_hosted: int
    missions_abroad: int
    url: str


class ErrorBody(Schema):
    code: str
    message: str
    details: Any = None


class ErrorOut(Schema):
    error: ErrorBody


class MissionPage(Schema):
    results: list[MissionOut]
    next_cursor: int | None


class CountryList(Schema):
    results: list[CountryOut]


class MissionChanges(Schema):
    """Fields a person may set; any left out stay as they are."""

    kind: str | None = None
    city: str | None = None
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    phones: list[str] | None = None
    emails: list[str] | None = None
    website: str | None = None
    social: dict[str, str] | None = None
    opening_hours: str | None = None
    head_of_mission: str | None = None
    status: str | None = None
    sending_subdivision: str | None = None


class NewMission(MissionChanges):
    sending: str
    host: str
    kind: str = "embassy"


class AlertSummaryOut(Schema):
    id: int
    code: str
    headline: str
    level: int
    severity: str
    url: str


class AdvisoryLevelOut(Schema):
    issuer: str
    level: int
    title: str
    published: str | None
    url: str | None


class CountryDetailOut(CountryOut):
    """One country, with what a traveller should know now."""

    alerts: list[AlertSummaryOut]
    advisories: list[AdvisoryLevelOut]
