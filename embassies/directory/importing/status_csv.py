"""Read the mission status file (`mission_status.csv`): one sourced change of status per row.

A file in the wrong shape (not UTF-8, missing columns, too large) is refused as a whole; a
row with a bad value (status, date, country code, a source URL that is not http(s)) is
rejected with its reason. Nothing here writes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from embassies.directory.importing.wikidata_csv import decode, read_bytes
from embassies.directory.models import FactStatus
from embassies.directory.status import partial_date
from embassies.lib.csvfile import BadFile, records, some_rows
from embassies.lib.urls import web_url

COLUMNS = (
    "sending",
    "host",
    "city",
    "kind",
    "qid",
    "status",
    "since",
    "until",
    "moved_to",
    "source_url",
    "source_title",
    "note",
)
# The longest value each column may hold (the model's limits; the note is bounded anyway).
LIMITS = {
    "city": 120,
    "kind": 120,
    "moved_to": 200,
    "source_url": 500,
    "source_title": 300,
    "note": 2000,
}
# A few hundred facts today: a file this big is not one (EMBASSIES_IMPORT_MAX_BYTES may be less).
MAX_BYTES = 4 * 1024 * 1024
_CODE = re.compile(r"[A-Z]{2}")
_QID = re.compile(r"Q[1-9]\d{0,11}")


@dataclass(frozen=True)
class FactRow:
    """One valid row: a status fact still to be matched to a mission."""

    line: int
    sending: str
    host: str
    city: str
    kind: str
    qid: str
    status: str
    since: str
    until: str
    moved_to: str
    source_url: str
    source_title: str
    note: str


@dataclass
class Read:
    data: bytes = b""  # the file as read (shipped copies are known by their content)
    rows: list[FactRow] = field(default_factory=list)
    rejections: list[dict[str, object]] = field(default_factory=list)


def read(path: str | Path) -> Read:
    """Every row, valid or rejected; raises BadFile for a file that is not this format."""
    path = Path(path)
    if not path.is_file():
        raise BadFile(f"{path}: no such file")
    # Read whole (its bytes are kept to recognise shipped copies), so its size is what bounds
    # the memory; rows are capped as they stream by (EMBASSIES_IMPORT_MAX_ROWS).
    data = read_bytes(path, MAX_BYTES)
    reader = csv.reader(io.StringIO(decode(path, data), newline=""), strict=True)
    lines = records(reader, path, header=True)
    header = [name.strip() for name in next(lines, [])]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise BadFile(f"{path}: missing columns: {', '.join(missing)}")
    out = Read(data)
    for values in lines:
        if not any(v.strip() for v in values):
            continue
        try:
            out.rows.append(_row(reader.line_num, header, values))
        except ValueError as error:
            qid = dict(zip(header, values, strict=False)).get("qid", "")
            out.rejections.append({"row": reader.line_num, "qid": qid[:20], "reason": str(error)})
    some_rows([*out.rows, *out.rejections], path)
    return out


def _row(line: int, header: list[str], values: list[str]) -> FactRow:
    if len(values) != len(header):
        raise ValueError(f"row has {len(values)} fields, expected {len(header)}")
    raw = {name: value.strip() for name, value in zip(header, values, strict=True)}
    for name in COLUMNS:
        if "\x00" in raw[name] or len(raw[name]) > LIMITS.get(name, 40):
            raise ValueError(f"{name} is too long or holds a NUL character")
    return FactRow(line=line, **_checked(raw))


def _checked(raw: dict[str, str]) -> dict[str, str]:
    """The row's values, each checked; ValueError names the first bad one."""
    for name in ("sending", "host"):
        if not _CODE.fullmatch(raw[name]):
            raise ValueError(f"{name} {raw[name]!r} is not an ISO 3166-1 alpha-2 code")
    if raw["qid"] and not _QID.fullmatch(raw["qid"]):
        raise ValueError(f"qid {raw['qid']!r} is not a Wikidata item id")
    if raw["status"] not in FactStatus.values:
        raise ValueError(f"status {raw['status']!r} is not one of {', '.join(FactStatus.values)}")
    since = partial_date(raw["since"])
    until = partial_date(raw["until"]) if raw["until"] else ""
    if until and until < since:
        raise ValueError(f"until {until} is before since {since}")
    if not web_url(raw["source_url"]):
        raise ValueError(f"source_url {raw['source_url'][:60]!r} is not an http(s) URL")
    if not raw["city"] and not raw["qid"]:
        raise ValueError("neither a qid nor a city to find the mission by")
    return {name: raw[name] for name in COLUMNS} | {"since": since, "until": until}
