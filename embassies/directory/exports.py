"""Bulk exports of missions as CSV, GeoJSON and JSON Lines, streamed a chunk at a time.

Shared by the API (`/api/v1/exports/missions.*`) and `embassies export`: the rows are built
from `mission_to_dict`, so an export says exactly what the JSON API says.

An export that fails midway never looks complete. Once the first piece is sent, an HTTP answer
cannot change its status, and a body cut after a whole row reads as a shorter but valid CSV
or JSON Lines file. So after a failure `export` writes FAILED: a line that opens a quoted
string it never closes, which makes every format invalid (GeoJSON also lacks its closing
"]}"; a strict CSV reader stops at the open quote, a lax one reads a last row whose id is
"EXPORT FAILED..." and whose other cells are missing; a JSON Lines reader fails on that line).
The error is logged, then raised again: the server drops the connection without the end of a
chunked body, and `embassies export` exits with it and leaves no file. A failure before any
piece is sent is raised as it is, so the API can still answer with an error status.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest

from embassies.countries.models import Country
from embassies.directory.models import Mission
from embassies.directory.queries import with_relations
from embassies.directory.serialize import mission_to_dict

log = logging.getLogger(__name__)

# The last line of an export that failed midway (see above). Not translated: scripts look for it.
FAILED = '\n"EXPORT FAILED: this file is incomplete; the error is in the server log.\n'

# Missions read per query; prefetching accreditations per chunk keeps memory flat and the
# query count at about two per chunk whatever the export's size. Peak memory grows with the
# chunk (about 15 KB a mission); below 500 the extra queries start to cost time.
CHUNK_SIZE = 500
# Rows are joined into pieces of about this many characters: one write per piece, not per row.
PIECE_CHARS = 64 * 1024

CSV_COLUMNS = (
    "id",
    "wikidata",
    "kind",
    "sending",
    "host",
    "city",
    "address",
    "lat",
    "lon",
    "status",
    "phones",
    "emails",
    "website",
    "accreditations",
    "url",
    "updated_at",
)
LIST_SEPARATOR = " | "  # phones and emails; accreditations are codes, joined by a space

Rows = Callable[[Iterable[Mission], HttpRequest | None], Iterator[str]]


@dataclass(frozen=True)
class Format:
    content_type: str
    extension: str
    rows: Rows


# Read by nothing an export writes: decoding both countries' names in every language, for
# every mission, took about a fifth of a full export's time.
_UNREAD = (
    "search_document",
    "sending__names",
    "sending__alt_names",
    "host__names",
    "host__alt_names",
)


def streamed(missions: QuerySet[Mission]) -> Iterator[Mission]:
    """Missions with what mission_to_dict reads, fetched CHUNK_SIZE at a time."""
    # Accredited countries are listed by code only: loading just that saves about a quarter.
    codes_only = Prefetch("accreditations", queryset=Country.objects.only("code"))
    query = with_relations(missions).defer(*_UNREAD).prefetch_related(None)
    return query.prefetch_related(codes_only).iterator(chunk_size=CHUNK_SIZE)


def export(
    fmt: str, missions: QuerySet[Mission], request: HttpRequest | None = None
) -> Iterator[str]:
    """The whole document in `fmt` (a key of FORMATS), as text pieces to write in order."""
    return failing_visibly(pieces(FORMATS[fmt].rows(streamed(missions), request), PIECE_CHARS))


def failing_visibly(body: Iterator[str]) -> Iterator[str]:
    """The pieces of `body`; should it fail after the first, FAILED and then the error."""
    sent = 0
    try:
        for piece in body:
            yield piece
            sent += 1
    except Exception:
        if not sent:
            raise  # nothing is out yet: the caller can still answer with an error
        log.exception("export failed after %d piece(s); it ends with the failure line", sent)
        yield FAILED
        raise


def pieces(parts: Iterable[str], size: int) -> Iterator[str]:
    """Rows joined into pieces of at least `size` characters (the last may be shorter)."""
    buffer: list[str] = []
    held = 0
    for part in parts:
        buffer.append(part)
        held += len(part)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


# A spreadsheet runs a cell beginning with one of these as a formula (=HYPERLINK(...), =cmd|...,
# @SUM(...)); text comes from API edits and from Wikidata, which anyone can edit.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A value as a CSV cell: None empty; text that a spreadsheet would read as a formula
    behind a single quote (OWASP's advice), phone numbers like "+7 495 ..." included. Numbers
    are ours, not a visitor's, and a negative one (a longitude) is no formula: kept as they are."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, int | float) or not text.startswith(FORMULA_STARTS):
        return text
    return "'" + text


def csv_row(m: dict[str, Any]) -> list[str]:
    """One mission's CSV cells."""
    joined = {
        "phones": LIST_SEPARATOR.join(m["phones"]),
        "emails": LIST_SEPARATOR.join(m["emails"]),
        "accreditations": " ".join(m["accreditations"]),
    }
    values = {**m, **joined}
    return [csv_cell(values[c]) for c in CSV_COLUMNS]


def csv_rows(missions: Iterable[Mission], request: HttpRequest | None) -> Iterator[str]:
    """A header line, then one record per mission (RFC 4180: CRLF, quoted where needed)."""
    line = io.StringIO()
    writer = csv.writer(line)
    for cells in _with_header(csv_row(mission_to_dict(m, request)) for m in missions):
        writer.writerow(cells)
        yield line.getvalue()
        line.seek(0)
        line.truncate()


def _with_header(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    yield list(CSV_COLUMNS)
    yield from rows


def feature(m: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature: a Point at [lon, lat], or a null geometry where either is unknown.

    Takes `m` over (lat and lon move into the geometry) rather than copying it."""
    lat, lon = m.pop("lat"), m.pop("lon")
    point = {"type": "Point", "coordinates": [lon, lat]}
    has_point = lat is not None and lon is not None
    return {
        "type": "Feature",
        "id": m["id"],
        "geometry": point if has_point else None,
        "properties": m,
    }


def geojson_parts(missions: Iterable[Mission], request: HttpRequest | None) -> Iterator[str]:
    """One FeatureCollection written out piece by piece, never held whole in memory."""
    yield '{"type": "FeatureCollection", "features": [\n'
    separator = ""
    for m in missions:
        yield separator + _json(feature(mission_to_dict(m, request)))
        separator = ",\n"
    yield "\n]}\n"


def jsonl_rows(missions: Iterable[Mission], request: HttpRequest | None) -> Iterator[str]:
    """JSON Lines: one mission, in the API's shape, per line."""
    for m in missions:
        yield _json(mission_to_dict(m, request)) + "\n"


def _json(value: dict[str, Any]) -> str:
    # allow_nan=False: NaN is not JSON; failing loudly beats writing a file parsers refuse.
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


FORMATS: dict[str, Format] = {
    "csv": Format("text/csv; charset=utf-8; header=present", "csv", csv_rows),
    "geojson": Format("application/geo+json", "geojson", geojson_parts),
    "jsonl": Format("application/jsonl; charset=utf-8", "jsonl", jsonl_rows),
}
