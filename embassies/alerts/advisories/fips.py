"""FIPS 10-4 country codes (the US State Department's tags) -> ISO 3166-1 alpha-2."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "data" / "fips_10_4.csv"


@cache
def _table() -> dict[str, str]:
    with TABLE.open(newline="", encoding="utf-8") as handle:
        return {row["fips"]: row["iso"] for row in csv.DictReader(handle)}


def to_iso(code: str) -> str | None:
    """'UK' -> 'GB', 'GM' -> 'DE', 'SW' -> 'SE'; None for a code not in the table."""
    return _table().get(code.strip().upper())
