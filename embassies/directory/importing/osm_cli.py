"""`embassies sync osm` and `embassies import osm-json`: one parser, one writer, one summary."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from django.conf import settings

from embassies.directory.importing import osm
from embassies.directory.importing.cli import Console
from embassies.directory.importing.osm_apply import Outcome, apply_osm


def import_osm_json(path: str, out: Console) -> Outcome:
    """`embassies import osm-json PATH`: a saved Overpass JSON answer."""
    answer = osm.read_file(path)  # refused before anything is written
    return _store(answer, str(Path(path)), out)


def sync_osm(only: list[str], out: Console) -> Outcome:
    """`embassies sync osm [--only CC ...]`: one Overpass query; a failure changes nothing."""
    codes = [code.upper() for code in only]
    bad = [code for code in codes if len(code) != 2 or not code.isascii() or not code.isalpha()]
    if bad:
        raise ValueError(f"--only takes ISO 3166 alpha-2 codes, not {', '.join(bad)}")
    answer = osm.fetch_answer(codes)
    return _store(answer, settings.OVERPASS_URL, out)


def _store(answer: dict[str, Any], location: str, out: Console) -> Outcome:
    parsed = osm.parse_answer(answer)
    out.stderr.write(
        f"read {len(answer['elements'])} OpenStreetMap elements, {len(parsed.records)} missions\n"
    )
    out.stderr.flush()
    outcome = apply_osm(parsed, location)
    report(outcome, out)
    return outcome


SHOWN = 10  # malformed opening hours listed one by one; the rest are counted


def _reason_kind(reason: str) -> str:
    """Group reasons for the report: "no mission of CA in FI" -> "no mission of XX in XX"."""
    for pattern, replacement in _GENERALISE:
        reason = pattern.sub(replacement, reason)
    return " ".join(reason.split())


_GENERALISE = (
    (re.compile(r"\([^)]*\)"), ""),
    (re.compile(r"'[^']*'"), "…"),
    (re.compile(r"\b(node|way|relation)/\d+"), "another element"),
    (re.compile(r"\b[A-Z]{2}(/[A-Z]{2})*\b"), "XX"),
    (re.compile(r"\b\d+(, \d+)*\b"), "N"),
)


def summary_line(outcome: Outcome) -> str:
    return (
        f"matched {outcome.matched} (filled {outcome.filled}, unchanged {outcome.unchanged}), "
        f"unmatched {len(outcome.unmatched)} (ambiguous {outcome.ambiguous}), "
        f"conflicts {outcome.conflicts}, malformed opening hours {len(outcome.malformed_hours)}, "
        f"values dropped {len(outcome.dropped)}"
    )


def report(outcome: Outcome, out: Console) -> None:
    counts = Counter(_reason_kind(str(r["reason"])) for r in outcome.unmatched)
    for kind, count in counts.most_common():
        out.stdout.write(f"  unmatched {count:5d}: {kind}\n")
    for note in [*outcome.malformed_hours[:SHOWN], *outcome.dropped[:SHOWN]]:
        out.stdout.write(f"  {note['osm_id']}: {note['repair']}\n")
    if len(outcome.malformed_hours) > SHOWN:
        more = len(outcome.malformed_hours) - SHOWN
        out.stdout.write(f"  ... and {more} more malformed opening hours (all in the ImportRun)\n")
    if len(outcome.dropped) > SHOWN:
        more = len(outcome.dropped) - SHOWN
        out.stdout.write(f"  ... and {more} more values dropped (all in the ImportRun)\n")
    if outcome.differing:
        fields = ", ".join(f"{name} {n}" for name, n in sorted(outcome.differing.items()))
        out.stdout.write(f"  OSM values that differ from Wikidata's (Wikidata's kept): {fields}\n")
    out.stdout.write(summary_line(outcome) + "\n")
