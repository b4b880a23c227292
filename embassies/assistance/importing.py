"""Import representation arrangements and emergency lines from their CSV files, idempotently.

`embassies import representation-csv PATH` and `embassies import emergency-csv PATH`. Rows are
matched on their natural key and updated in place; nothing is deleted, so an editor's added
records survive a re-import. Rows naming an unknown country are rejected with the reason.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO

from django.db import models, transaction

from embassies.assistance.models import Arrangement, ArrangementKind, EmergencyLine
from embassies.countries.models import Country
from embassies.lib.changes import everything_changed
from embassies.lib.csvfile import BadFile, open_text, records, some_rows
from embassies.lib.urls import web_url

RULE = "*"
# Scope wording that says a mandate gives citizens no consular help.
NOT_CONSULAR = ("not cover consular", "diplomatic representation only")


class Console(Protocol):
    stdout: TextIO


@dataclass
class Summary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
            f"rejected {len(self.rejected)}"
        )


def read_csv(path: str | Path, columns: set[str]) -> list[dict[str, str]]:
    """Every data row; BadFile (a ValueError, one line) for a file that is not this format.

    Streamed twice: first checked whole keeping nothing, so a file over the limits
    (EMBASSIES_IMPORT_MAX_BYTES, _ROWS) is refused in constant memory; then kept."""
    path = Path(path)
    if not path.is_file():
        raise BadFile(f"{path}: no such file")
    with open_text(path) as handle:
        for _ in _rows(path, handle, columns):
            pass
    with open_text(path) as handle:
        return some_rows(list(_rows(path, handle, columns)), path)


def _rows(path: Path, handle: TextIO, columns: set[str]) -> Iterator[dict[str, str]]:
    reader = csv.DictReader(handle, strict=True)
    rows = records(reader, path)
    first = next(rows, None)  # reads the header first, so a bad one is caught too
    missing = columns - set(reader.fieldnames or ())
    if missing:
        raise BadFile(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    for row in itertools.chain([first] if first else [], rows):
        yield {k: (v or "").strip() for k, v in row.items() if k}


def _country(code: str, known: set[str]) -> str | None:
    """The code if known; None for the `*` rule; ValueError for anything else."""
    if code == RULE:
        return None
    if code.upper() not in known:
        raise ValueError(f"unknown country code {code!r}")
    return code.upper()


def _upsert(model: type[models.Model], key: dict[str, Any], values: dict[str, Any]) -> str:
    found = model.objects.filter(**key).first()  # type: ignore[attr-defined]
    if found is None:
        model.objects.create(**key, **values)  # type: ignore[attr-defined]
        return "added"
    if all(getattr(found, name) == value for name, value in values.items()):
        return "unchanged"
    for name, value in values.items():
        setattr(found, name, value)
    found.save()
    return "updated"


def _arrangement(row: dict[str, str], known: set[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    kind = row["kind"]
    if kind not in ArrangementKind.values:
        raise ValueError(f"unknown arrangement kind {kind!r}")
    represented = _country(row["represented_country_iso2"], known)
    if represented is None or not web_url(row["source_url"]):
        raise ValueError("a represented country and a source URL are required")
    key = {
        "represented_id": represented,
        "host_id": _country(row["host_country_iso2"], known),
        "representing_id": _country(row["representing_country_iso2"], known),
        "kind": kind,
    }
    scope = row["scope"]
    values = {
        "scope": scope,
        "since": row.get("since", "")[:10],
        "source_url": row["source_url"],
        "notes": row.get("notes", ""),
        "covers_consular": not any(p in scope.casefold() for p in NOT_CONSULAR),
    }
    return key, values


def _emergency(
    row: dict[str, str], known: set[str], position: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    country = _country(row["country_iso2"], known)
    if country is None or not row["phone"] or not web_url(row["source_url"]):
        raise ValueError("a country, a phone number and a source URL are required")
    values = {"name": row["name"], "source_url": row["source_url"], "notes": row.get("notes", "")}
    return {"country_id": country, "phone": row["phone"]}, {**values, "position": position}


def _load(
    rows: list[dict[str, str]],
    model: type[models.Model],
    parse: Callable[[dict[str, str], int], tuple[dict[str, Any], dict[str, Any]]],
) -> Summary:
    summary = Summary()
    with transaction.atomic():
        for number, row in enumerate(rows, start=2):
            try:
                key, values = parse(row, number)
            except ValueError as error:
                summary.rejected.append(f"line {number}: {error}")
                continue
            outcome = _upsert(model, key, values)
            setattr(summary, outcome, getattr(summary, outcome) + 1)
    if summary.added or summary.updated:
        everything_changed()  # the finder and country pages read every arrangement and line
    return summary


def _report(summary: Summary, out: Console) -> Summary:
    for reason in summary.rejected:
        out.stdout.write(f"  rejected {reason}\n")
    out.stdout.write(summary.line() + "\n")
    return summary


def import_representation_csv(path: str, out: Console) -> Summary:
    """`embassies import representation-csv PATH`."""
    columns = {
        "represented_country_iso2",
        "host_country_iso2",
        "representing_country_iso2",
        "kind",
        "scope",
        "source_url",
    }
    rows = read_csv(path, columns)
    known = set(Country.objects.values_list("code", flat=True))
    return _report(_load(rows, Arrangement, lambda row, _: _arrangement(row, known)), out)


def import_emergency_csv(path: str, out: Console) -> Summary:
    """`embassies import emergency-csv PATH`."""
    rows = read_csv(path, {"country_iso2", "name", "phone", "source_url"})
    known = set(Country.objects.values_list("code", flat=True))
    return _report(_load(rows, EmergencyLine, lambda row, n: _emergency(row, known, n)), out)
