"""A mission's history told plainly: for each field shown on its page, the current value, when
it last changed and where it came from; then every version, newest first.

Sources are named in plain words ("Wikidata", "an editor"): the names of editors and of API
tokens stay in the admin, never on public pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from embassies.directory.models import Mission, Status, short_kind_label

# Versions read for one page: enough for years of weekly imports, bounded all the same.
VERSIONS_READ = 500


@dataclass(frozen=True)
class Shown:
    """One field of the mission page, as stored in one or more columns."""

    key: str  # the name provenance is kept under (Mission.sources)
    label: str
    columns: tuple[str, ...]


SHOWN = (
    Shown("kind", "Kind of mission", ("kind",)),
    Shown("address", "Address", ("address",)),
    Shown("city", "City", ("city",)),
    Shown("lat", "Coordinates", ("lat", "lon")),
    Shown("phones", "Phone", ("phones",)),
    Shown("emails", "Email", ("emails",)),
    Shown("website", "Website", ("website",)),
    Shown("social", "Social media", ("social",)),
    Shown("opening_hours", "Opening hours", ("opening_hours",)),
    Shown("head_of_mission", "Head of mission", ("head_of_mission",)),
    Shown("sending", "Sent by", ("sending_id", "sending_subdivision")),
    Shown("host", "Country", ("host_id",)),
    Shown("status", "Status", ("status",)),
    Shown("inception", "Opened", ("inception",)),
    Shown("jurisdiction_regions", "Regions covered", ("jurisdiction_regions",)),
    Shown("photo", "Photo", ("photo", "photo_author", "photo_licence", "photo_licence_url")),
)
COLUMNS = tuple(column for shown in SHOWN for column in shown.columns)


def describe_source(source: str) -> str:
    """'editor:api:newsroom' -> 'an editor'; 'wikidata' -> 'Wikidata'."""
    text = source.strip().lower()
    if text.startswith("editor:correction"):
        return "a reader's correction, accepted by an editor"
    if text.startswith("editor"):
        return "an editor"
    if text.endswith(":absent"):
        return f"{describe_source(text.removesuffix(':absent'))}, which no longer lists it"
    if text.startswith("wikidata"):
        return "Wikidata"
    if text.startswith(("osm", "openstreetmap")):
        return "OpenStreetMap"
    return "an import" if text else "not recorded"


def public_source(source: str) -> str:
    """A source as open data shows it: "editor" (or "editor:correction") without whose name."""
    if source.startswith("editor:correction"):
        return "editor:correction"
    return "editor" if source.startswith("editor") else source


def describe_reason(reason: str | None) -> str:
    """Who made a version, from its change reason ("import wikidata-csv", "edited by editor:...")."""
    text = (reason or "").strip()
    if " by editor" in text:
        return describe_source(text[text.index(" by editor") + 4 :])
    if text.startswith(("import ", "sync ")):
        return describe_source(text.split(" ", 1)[1])
    return "not recorded"


def _action(kind: str, reason: str | None, changed: list[Shown]) -> str:
    text = reason or ""
    if kind == "+":
        return "added"
    if kind == "-":
        return "deleted"
    if text.startswith("restored"):
        return "an earlier version restored"
    if text.endswith("no longer listed"):
        return "closed: no longer listed by its source"
    return "changed" if changed else "saved without visible change"


@dataclass
class Line:
    """One field: what it says now, when it last changed, where it came from."""

    label: str
    value: list[str]
    source: str
    changed_at: datetime | None = None
    changed_by: str = ""
    tracked: bool = True


@dataclass
class Version:
    at: datetime
    by: str
    action: str
    fields: list[str] = field(default_factory=list)


@dataclass
class MissionHistory:
    lines: list[Line]
    versions: list[Version]  # newest first
    verified_at: datetime | None
    complete: bool  # False when older versions were left unread


def _text(shown: Shown, values: dict[str, Any], names: dict[str, str]) -> list[str]:
    """A field's value as lines of plain text (the template escapes them)."""
    first = values[shown.columns[0]]
    if shown.key == "lat":
        lat, lon = values["lat"], values["lon"]
        return [] if lat is None or lon is None else [f"{lat:.5f}, {lon:.5f}"]
    if shown.key == "kind":
        return [short_kind_label(first)]
    if shown.key == "status":
        return [str(Status(first).label)] if first in Status.values else [str(first)]
    if shown.key == "sending":
        subdivision = values["sending_subdivision"]
        return [names.get(first, first) + (f" ({subdivision})" if subdivision else "")]
    if shown.key == "host":
        return [names.get(first, first)]
    if shown.key == "photo":
        return [str(v) for v in (values[c] for c in shown.columns) if v]
    if isinstance(first, dict):
        return [f"{key}: {item}" for key, item in first.items()]
    if isinstance(first, list):
        return [str(item) for item in first]
    if hasattr(first, "isoformat"):
        return [first.isoformat()]
    return [str(first)] if first not in ("", None) else []


def _versions(mission: Mission) -> tuple[list[dict[str, Any]], bool]:
    """Stored versions, oldest first (at most VERSIONS_READ, the newest ones): one query."""
    rows = list(
        mission.history.order_by("-history_date", "-history_id").values(
            *COLUMNS, "history_date", "history_type", "history_change_reason"
        )[: VERSIONS_READ + 1]
    )
    complete = len(rows) <= VERSIONS_READ
    return rows[:VERSIONS_READ][::-1], complete


def _changed(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Shown]:
    if before is None:
        return [s for s in SHOWN if any(after[c] not in ("", None, [], {}) for c in s.columns)]
    return [s for s in SHOWN if any(before[c] != after[c] for c in s.columns)]


def mission_history(mission: Mission, accredited: list[str]) -> MissionHistory:
    """The history page of `mission` (sending and host loaded); `accredited`: country names."""
    names = {mission.sending_id: mission.sending.name, mission.host_id: mission.host.name}
    current = {column: getattr(mission, column) for column in COLUMNS}
    lines = {
        s.key: Line(s.label, _text(s, current, names), describe_source(mission.sources.get(s.key, "")))
        for s in SHOWN
    }  # fmt: skip
    rows, complete = _versions(mission)
    versions: list[Version] = []
    previous: dict[str, Any] | None = None
    for row in rows:
        changed = _changed(previous, row)
        by = describe_reason(row["history_change_reason"])
        for shown in changed:
            lines[shown.key].changed_at, lines[shown.key].changed_by = row["history_date"], by
        action = _action(row["history_type"], row["history_change_reason"], changed)
        versions.append(Version(row["history_date"], by, action, [s.label for s in changed]))
        previous = row
    accreditations = Line(
        "Also accredited to", accredited,
        describe_source(mission.sources.get("accreditations", "")), tracked=False,
    )  # fmt: skip
    shown_lines = [*lines.values(), accreditations]
    return MissionHistory(shown_lines, versions[::-1], mission.verified_at, complete)
