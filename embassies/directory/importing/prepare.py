"""Turn source rows into records: parse each, then settle duplicates. Writes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from embassies.directory.importing.records import (
    MissionRecord,
    Rejected,
    Rejection,
    parse_row,
    qid,
    row_digest,
)
from embassies.lib.geo import haversine_km

NEAR_DUPLICATE_KM = 0.05


@dataclass
class Prepared:
    records: list[MissionRecord] = field(default_factory=list)
    rejections: list[dict[str, object]] = field(default_factory=list)
    repairs: list[dict[str, object]] = field(default_factory=list)
    warnings: list[dict[str, object]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # QIDs whose row is as last imported

    def reject(self, line: int, row: dict[str, str], reason: str, code: Rejection) -> None:
        self.rejections.append(
            {
                "row": line,
                "qid": qid(row.get("QID", "")),
                "reason": reason,
                "code": code.value,
                "digest": row_digest(row),
            }
        )


@dataclass
class Known:
    """What the last import made of rows, by row digest: rows seen before are not parsed again
    (placing them on the map is most of an import's time)."""

    imported: dict[str, str] = field(default_factory=dict)  # digest -> QID stored from that row
    # digest -> (reason, code) it was rejected for
    rejected: dict[str, tuple[str, Rejection]] = field(default_factory=dict)

    def covers(self, item: str, digests: list[str]) -> bool:
        distinct = len(set(digests)) == len(digests)  # identical duplicates: settle them anew
        return distinct and all(self.imported.get(d) == item or d in self.rejected for d in digests)


Line = tuple[int, dict[str, str]]


def prepare(rows: Iterable[Line], known: Known | None = None) -> Prepared:
    """Parse every row; duplicates of one Wikidata item are merged or, if they conflict, rejected.

    Rows that `known` covers keep their last outcome: unchanged, or rejected for the same reason.
    """
    known = known or Known()
    out = Prepared()
    by_qid: dict[str, list[Line]] = {}
    for line, row in rows:
        by_qid.setdefault(qid(row.get("QID", "")) or f"row {line}", []).append((line, row))
    for item, group in by_qid.items():
        digests = [row_digest(row) for _, row in group]
        if not known.covers(item, digests):
            _settle([parsed for line, row in group if (parsed := _parse(line, row, out))], out)
            continue
        for (line, row), digest in zip(group, digests, strict=True):
            if digest in known.rejected:
                out.reject(line, row, *known.rejected[digest])
            else:
                out.unchanged.append(item)
    out.warnings = near_duplicates(out.records)
    return out


def _parse(
    line: int, row: dict[str, str], out: Prepared
) -> tuple[int, dict[str, str], MissionRecord] | None:
    try:
        if row.get("__error__"):
            raise Rejected(row["__error__"], Rejection.MALFORMED_ROW)
        return line, row, parse_row(row)
    except Rejected as error:
        out.reject(line, row, str(error), error.code)
        return None


def _settle(group: list[tuple[int, dict[str, str], MissionRecord]], out: Prepared) -> None:
    if not group:
        return
    first_line, _, first = group[0]
    senders = sorted({record.sending for _, _, record in group})
    if len(senders) > 1:
        names = ", ".join(sorted({row["operator"] for _, row, _ in group}))
        for line, row, _ in group:
            reason = f"Wikidata item {first.wikidata} names several senders ({names})"
            out.reject(line, row, reason, Rejection.SEVERAL_SENDERS)
        return
    out.records.append(first)
    if first.repairs:
        out.repairs.append(
            {"row": first_line, "qid": first.wikidata, "repair": "; ".join(first.repairs)}
        )
    for line, row, _ in group[1:]:
        reason = f"duplicate of row {first_line} (same Wikidata item), merged"
        out.reject(line, row, reason, Rejection.DUPLICATE)


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
