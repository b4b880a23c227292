"""Response schemas: the OpenAPI document's account of the shapes serialize.py builds; and
request schemas, which state every constraint the server enforces on a body or a filter.

The document and the server must not disagree: a value the document allows is accepted, one it
forbids is refused with 422. Two ways keep them together. What only the API decides (types,
enums, country codes, `near`, page sizes, the form of a web address) is declared here and
checked by ninja against the same declaration. What every write path shares (lengths, item
counts, coordinates, phone numbers, NUL) stays decided by directory.limits and editing, with
their own translated messages, and is stated here from the same constants (`_stated`), never
copied. The one approximation is an email address, whose form Django's validator decides and
the "email" format only describes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import ConfigDict, Strict, StringConstraints

from embassies.directory import limits
from embassies.directory.filters import MAX_RADIUS_KM
from embassies.directory.kinds import Kind
from embassies.directory.models import Status

# Letters in either case: the server upper-cases a code before looking it up.
COUNTRY_CODE = r"^[A-Za-z]{2}$"
# PostgreSQL cannot store NUL in text, so no text the API takes may hold one.
NO_NUL = r"^[^\u0000]*$"
# A DNS label: letters, digits and inner hyphens, here at most 40 characters.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?"
# An http(s) URL on a named host and an optional path of visible ASCII (no backslash), or ""
# (none): a subset of what both Django's URLValidator and lib.urls.web_url accept, so a URL the
# document allows is never refused later. At most five labels and a 24-letter top-level domain
# keep the host under the 253 characters DNS (and URLValidator) allow.
WEB_ADDRESS = (
    rf"^(?:[Hh][Tt][Tt][Pp][Ss]?://(?:{_LABEL}\.){{1,5}}[A-Za-z]{{2,24}}(?:/[!-\[\]-~]*)?)?$"
)


def _below(limit: int) -> str:
    """A regular expression for the whole numbers 0 to limit - 1, without leading zeros
    (90 -> "[0-9]|[1-8][0-9]"): a JSON Schema pattern cannot compare numbers."""
    digits = str(limit)
    shorter = ["[0-9]"] + [f"[1-9][0-9]{{{n - 1}}}" for n in range(2, len(digits))]
    same_length = []
    for i, digit in enumerate(digits):
        low = 1 if i == 0 else 0
        if int(digit) > low:
            rest = len(digits) - i - 1
            tail = f"[0-9]{{{rest}}}" if rest else ""
            same_length.append(f"{digits[:i]}[{low}-{int(digit) - 1}]{tail}")
    return "|".join(shorter + same_length)


def degrees_pattern(bounds: tuple[float, float]) -> str:
    """Decimal degrees within symmetric whole-number bounds ((-90.0, 90.0)), without anchors."""
    limit = int(bounds[1])
    if bounds != (-limit, limit):
        raise ValueError(f"degrees_pattern takes bounds like (-90, 90), not {bounds}")
    return rf"-?(?:(?:{_below(limit)})(?:\.[0-9]+)?|{limit}(?:\.0+)?)"


# "lat,lon" in decimal degrees, each in range: what the missions filter and the finder accept.
NEAR = rf"^{degrees_pattern(limits.LATITUDE)},{degrees_pattern(limits.LONGITUDE)}$"

CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_CODE)]
# No NUL, as editing._check_text requires of every text (PostgreSQL cannot store it).
NO_NUL_TEXT = {"pattern": NO_NUL}


def _stated(**keywords: Any) -> Any:
    """JSON Schema keywords for a rule directory.limits enforces (with its own messages):
    stated in the document, not checked a second time here."""
    return Field(json_schema_extra=keywords)


# The JSON Schema of each value limits.CHECKS checks, from the same constants.
Phone = Annotated[str, _stated(maxLength=limits.MAX_PHONE_CHARS, pattern=limits.PHONE_PATTERN)]
# The form is checked by Django's email validator (limits.email); "format" describes it.
Email = Annotated[str, _stated(maxLength=limits.MAX_EMAIL_CHARS, format="email", **NO_NUL_TEXT)]
# A JSON number only: pydantic would also take true or "1.5" as a float, which the document
# (type number) forbids.
Latitude = Annotated[
    float, Strict(), _stated(minimum=limits.LATITUDE[0], maximum=limits.LATITUDE[1])
]
Longitude = Annotated[
    float, Strict(), _stated(minimum=limits.LONGITUDE[0], maximum=limits.LONGITUDE[1])
]
# A web address is the API's own rule (checked here): limits would take more than the pattern says.
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS)]
Profile = Annotated[WebAddress, _stated(maxLength=limits.MAX_SOCIAL_CHARS)]


def _optional(**keywords: Any) -> Any:
    """A body field that may be left out (it then stays as it is) but is never null: the
    type alone says what a value must be. Typed Any so the field keeps its non-null type."""
    return Field(None, **keywords)


def _text(name: str, description: str | None = None) -> Any:
    """A text field of a body, as long as limits.MAX_CHARS allows."""
    extra = {"maxLength": limits.MAX_CHARS[name], **NO_NUL_TEXT}
    return _optional(description=description, json_schema_extra=extra)


def _without_null_defaults(schema: dict[str, Any]) -> None:
    """A field left out of a body is left alone, not set to null: the document must not claim
    null as the default of a field whose type forbids it."""
    for field in schema.get("properties", {}).values():
        if field.get("default", ...) is None:
            del field["default"]


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


class StrictBody(Schema):
    """A JSON object of the declared fields only: an unknown one ("phone" for "phones") is
    refused with 422 naming it, not silently dropped; so is a body that is no object."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_without_null_defaults)


class MissionChanges(StrictBody):
    """Fields a person may set; any left out stay as they are."""

    kind: Kind = _optional()
    city: str = _text("city")
    address: str = _text("address")
    # null removes the position.
    lat: Latitude | None = None
    lon: Longitude | None = None
    phones: list[Phone] = _optional(json_schema_extra={"maxItems": limits.MAX_ITEMS})
    emails: list[Email] = _optional(json_schema_extra={"maxItems": limits.MAX_ITEMS})
    website: WebAddress = _optional(
        description='An http(s) URL; "" removes it.',
        json_schema_extra={"maxLength": limits.MAX_CHARS["website"]},
    )
    social: dict[str, Profile] = _optional(
        description="Network name -> http(s) URL.",
        json_schema_extra={
            "maxProperties": limits.MAX_ITEMS,
            "propertyNames": {"maxLength": limits.MAX_NETWORK_CHARS, **NO_NUL_TEXT},
        },
    )
    opening_hours: str = _text("opening_hours", "OpenStreetMap opening_hours syntax.")
    head_of_mission: str = _text("head_of_mission")
    status: Status = _optional()
    sending_subdivision: str = _text("sending_subdivision")


class NewMission(MissionChanges):
    sending: CountryCode = Field(..., description="ISO 3166-1 alpha-2, any case (CA).")
    host: CountryCode = Field(..., description="ISO 3166-1 alpha-2, any case (RU).")
    kind: Kind = Kind.EMBASSY


class FilterQuery(Schema):
    """Filters of the missions list and the exports (directory.filters reads them)."""

    sending: CountryCode | None = Field(None, description="ISO 3166-1 alpha-2, any case (CA).")
    host: CountryCode | None = Field(None, description="ISO 3166-1 alpha-2, any case (RU).")
    kind: Kind | None = None
    city: str | None = Field(
        None,
        max_length=limits.MAX_CHARS["city"],
        pattern=NO_NUL,
        description="City, exact but any case (Moscow).",
    )
    status: Status | None = None
    near: str | None = Field(None, pattern=NEAR, description="lat,lon in degrees (55.75,37.62).")
    radius_km: float | None = Field(
        None, gt=0, le=MAX_RADIUS_KM, description="Radius around `near`, in km (default 50)."
    )
    updated_since: datetime | None = Field(None, description="ISO 8601 date and time.")


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
