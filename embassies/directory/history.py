"""A mission's history told plainly: for each field shown on its page, the current value, when
it last changed and where it came from; then every version, newest first.

Sources are named in plain words ("Wikidata", "an editor"): the names of editors and of API
tokens stay in the admin, never on public pages. The words are in the page's language: they are
read when the page is made, with the request's language active.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext, gettext_noop, pgettext

from embassies.countries.models import Country
from embassies.directory import formats, titles
from embassies.directory.models import ImportRun, Mission

# How an import's versions name the date of their data (importing.apply.dated_reason).
AS_OF = " (data as of "

# Versions read for one page: enough for years of weekly imports, bounded all the same.
VERSIONS_READ = 500


@dataclass(frozen=True)
class Shown:
    """One field of the mission page, as stored in one or more columns."""

    key: str  # the name provenance is kept under (Mission.sources)
    label: str  # in English; gettext(label) in the page's language
    columns: tuple[str, ...]


SHOWN = (
    Shown("kind", gettext_noop("Kind of mission"), ("kind",)),
    Shown("address", gettext_noop("Address"), ("address",)),
    Shown("city", gettext_noop("City"), ("city",)),
    Shown("lat", gettext_noop("Coordinates"), ("lat", "lon")),
    Shown("phones", gettext_noop("Phone"), ("phones",)),
    Shown("emails", gettext_noop("Email"), ("emails",)),
    Shown("website", gettext_noop("Website"), ("website",)),
    Shown("social", gettext_noop("Social media"), ("social",)),
    Shown("opening_hours", gettext_noop("Opening hours"), ("opening_hours",)),
    Shown("head_of_mission", gettext_noop("Head of mission"), ("head_of_mission",)),
    Shown("sending", gettext_noop("Sent by"), ("sending_id", "sending_subdivision")),
    Shown("host", gettext_noop("Country"), ("host_id",)),
    Shown("status", gettext_noop("Status"), ("status",)),
    Shown("inception", gettext_noop("Opened"), ("inception",)),
    Shown("jurisdiction_regions", gettext_noop("Regions covered"), ("jurisdiction_regions",)),
    Shown(
        "photo",
        gettext_noop("Photo"),
        ("photo", "photo_author", "photo_licence", "photo_licence_url"),
    ),
    # A column of the versions only (AccreditationSnapshot): the mission holds them as rows.
    Shown("accreditations", gettext_noop("Also accredited to"), ("accredited",)),
)
COLUMNS = tuple(column for shown in SHOWN for column in shown.columns)


def is_editor(source: str) -> bool:
    """Whether a value's source is a person ("editor:admin:anna"): imports never overwrite it."""
    return source.startswith("editor")


def describe_source(source: str) -> str:
    """'editor:api:newsroom' -> 'an editor'; 'wikidata' -> 'Wikidata'."""
    text = source.strip().lower()
    if text.startswith("editor:correction"):
        return gettext("a reader's correction, accepted by an editor")
    if text.startswith("editor"):
        return gettext("an editor")
    if text.endswith(":absent"):
        return gettext("%(source)s, which no longer lists it") % {
            "source": describe_source(text.removesuffix(":absent"))
        }
    if text.startswith("wikidata"):
        return "Wikidata"
    if text.startswith(("osm", "openstreetmap")):
        return "OpenStreetMap"
    if text.startswith(("mission_status", "mission-status")):
        return gettext("the list of sourced status changes")
    return gettext("an import") if text else gettext("not recorded")


def public_source(source: str) -> str:
    """A source as open data shows it: "editor" (or "editor:correction") without whose name."""
    if source.startswith("editor:correction"):
        return "editor:correction"
    return "editor" if source.startswith("editor") else source


def data_date(reason: str | None) -> date | None:
    """The date of the data a version came from: "import wikidata-csv (data as of 2022-11-16)"."""
    text = reason or ""
    start = text.find(AS_OF)
    try:
        return date.fromisoformat(text[start + len(AS_OF) :][:10]) if start >= 0 else None
    except ValueError:
        return None


def describe_reason(reason: str | None) -> str:
    """Who made a version, from its change reason ("import wikidata-csv", "edited by editor:...")."""
    text = (reason or "").strip()
    if " by editor" in text:
        return describe_source(text[text.index(" by editor") + 4 :])
    if text.startswith(("import ", "sync ")):
        return describe_source(text.split(" ", 1)[1])
    return gettext("not recorded")


def _action(kind: str, reason: str | None, changed: list[Shown]) -> str:
    text = reason or ""
    if kind == "+":
        return pgettext("mission history", "added")
    if kind == "-":
        return pgettext("mission history", "deleted")
    if text.startswith("restored"):
        return pgettext("mission history", "an earlier version restored")
    if text.endswith("no longer listed"):
        return pgettext("mission history", "closed: no longer listed by its source")
    if changed:
        return pgettext("mission history", "changed")
    return pgettext("mission history", "saved without visible change")


@dataclass
class Line:
    """One field: what it says now, when it last changed, where it came from."""

    label: str
    value: list[str]
    source: str
    as_of: datetime | None = None  # the date of the source's data, for an imported value
    changed_at: datetime | None = None
    changed_by: str = ""


@dataclass
class Version:
    at: datetime
    by: str
    action: str
    fields: list[str] = field(default_factory=list)
    as_of: date | None = None  # the date of the data an import brought


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
        return [] if lat is None or lon is None else [formats.coordinates(lat, lon)]
    if shown.key == "kind":
        return [titles.kind_label(first)]
    if shown.key == "status":
        return [titles.status_label(str(first))]
    if shown.key == "sending":
        subdivision = values["sending_subdivision"]
        return [names.get(first, first) + (f" ({subdivision})" if subdivision else "")]
    if shown.key == "host":
        return [names.get(first, first)]
    if shown.key == "accreditations":
        return sorted(names.get(code, code) for code in first or [])
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
    return [s for s in SHOWN if any(_differ(c, before[c], after[c]) for c in s.columns)]


def _differ(column: str, before: Any, after: Any) -> bool:
    if column == "accredited" and None in (before, after):
        return False  # a version older than their recording does not know them
    return bool(before != after)


def source_dates() -> dict[str, datetime]:
    """Each imported source's latest date of data ("wikidata" -> 16 November 2022): one query."""
    runs = ImportRun.objects.filter(data_as_of__isnull=False).order_by("source", "-finished_at")
    found: dict[str, datetime] = {}
    for source, as_of in runs.values_list("source", "data_as_of"):
        if as_of is not None:
            found.setdefault(source, as_of)
    return found


def _base(source: str) -> str:
    """ "wikidata:absent" -> "wikidata"; an editor's value has no date of data."""
    return "" if source.startswith("editor") else source.split(":")[0]


def mission_history(mission: Mission, accredited: list[Country]) -> MissionHistory:
    """The history page of `mission` (sending and host loaded); `accredited`: the states it
    also covers now.

    Country names, kinds, statuses, labels and sources are in the active language."""
    names = {c.code: titles.country_name(c) for c in (mission.sending, mission.host, *accredited)}
    current = {column: getattr(mission, column) for column in COLUMNS if column != "accredited"}
    current["accredited"] = sorted(c.code for c in accredited)
    dates = source_dates()
    lines = {
        s.key: Line(
            gettext(s.label),
            _text(s, current, names),
            describe_source(mission.sources.get(s.key, "")),
            dates.get(_base(mission.sources.get(s.key, ""))),
        )
        for s in SHOWN
    }
    rows, complete = _versions(mission)
    versions: list[Version] = []
    previous: dict[str, Any] | None = None
    for row in rows:
        changed = _changed(previous, row)
        by = describe_reason(row["history_change_reason"])
        for shown in changed:
            lines[shown.key].changed_at, lines[shown.key].changed_by = row["history_date"], by
        action = _action(row["history_type"], row["history_change_reason"], changed)
        labels = [gettext(s.label) for s in changed]
        reason = row["history_change_reason"]
        versions.append(Version(row["history_date"], by, action, labels, data_date(reason)))
        previous = row
    return MissionHistory(list(lines.values()), versions[::-1], mission.verified_at, complete)
