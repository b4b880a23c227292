"""Turn source rows into records: parse each, then settle duplicates. Writes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from embassies.directory.importing.records import MissionRecord, Rejected, parse_row, qid
from embassies.lib.geo import haversine_km

NEAR_DUPLICATE_KM = 0.05


@dataclass
class Prepared:
    records: list[MissionRecord] = field(default_factory=list)
    rejections: list[dict[str, object]] = field(default_factory=list)
    repairs: list[dict[str, object]] = field(default_factory=list)
    warnings: list[dict[str, object]] = field(default_factory=list)

    def reject(self, line: int, row: dict[str, str], reason: str) -> None:
        self.rejections.append({"row": line, "qid": qid(row.get("QID", "")), "reason": reason})


def prepare(rows: Iterable[tuple[int, dict[str, str]]]) -> Prepared:
    """Parse every row; duplicates of one Wikidata item are merged or, if they conflict, rejected."""
    out = Prepared()
    by_qid: dict[str, list[tuple[int, dict[str, str], MissionRecord]]] = {}
    for line, row in rows:
        try:
            if row.get("__error__"):
                raise Rejected(row["__error__"])
            record = parse_row(row)
        except Rejected as error:
            out.reject(line, row, str(error))
            continue
        by_qid.setdefault(record.wikidata, []).append((line, row, record))
    for group in by_qid.values():
        _settle(group, out)
    out.warnings = near_duplicates(out.records)
    return out


def _settle(group: list[tuple[int, dict[str, str], MissionRecord]], out: Prepared) -> None:
    first_line, _, first = group[0]
    senders = sorted({record.sending for _, _, record in group})
    if len(senders) > 1:
        names = ", ".join(sorted({row["operator"] for _, row, _ in group}))
        for line, row, _ in group:
            out.reject(line, row, f"Wikidata item {first.wikidata} names several senders ({names})")
        return
    out.records.append(first)
    if first.repairs:
        out.repairs.append(
            {"row": first_line, "qid": first.wikidata, "repair": "; ".join(first.repairs)}
        )
    for line, row, _ in group[1:]:
        out.reject(line, row, f"duplicate of row {first_line} (same Wikidata item), merged")


def near_duplicates(records: list[MissionRecord]) -> list[dict[str, object]]:
    """Different items that look like one office: same sender, host and kind, within 50 m."""
    seen: dict[tuple[str, str, str, float, float], MissionRecord] = {}
    found: list[dict[str, object]] = []
    for record in records:
        if record.lat is None or record.lon is None:
            continue
        key = (record.sending, record.host, record.kind, round(record.lat, 3), round(record.lon, 3))
        other = seen.setdefault(key, record)
        if (
            other is not record
            and haversine_km(record.lat, record.lon, other.lat or 0.0, other.lon or 0.0)
            <= NEAR_DUPLICATE_KM
        ):
            found.append(
                {"qid": record.wikidata, "warning": f"possible duplicate of {other.wikidata}"}
            )
    return found
