"""The mission fields a visitor may correct, and how their values compare and read."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from embassies.directory.editing import EDITABLE
from embassies.directory.models import Mission, Status

# A subset of what editors may set: facts a visitor can check for themselves.
CORRECTABLE: tuple[str, ...] = (
    "address",
    "city",
    "phones",
    "emails",
    "website",
    "opening_hours",
    "status",
    "head_of_mission",
)
LISTS = frozenset({"phones", "emails"})

# Shown on the public form in the page's language; the admin, unprefixed, reads them in English.
LABELS = {
    "address": gettext_lazy("Address"),
    "city": gettext_lazy("City"),
    "phones": gettext_lazy("Phone numbers"),
    "emails": gettext_lazy("Email addresses"),
    "website": gettext_lazy("Website"),
    "opening_hours": gettext_lazy("Opening hours"),
    "status": gettext_lazy("Status"),
    "head_of_mission": gettext_lazy("Head of mission"),
}

assert set(CORRECTABLE) <= set(EDITABLE), "a correctable field must be editable"


def current_value(mission: Mission, name: str) -> Any:
    """The mission's value as a correction stores it: lists of text, or text."""
    value = getattr(mission, name)
    if name in LISTS:
        return [str(item) for item in (value or [])]
    return "" if value is None else str(value)


def as_text(value: Any, name: str = "") -> str:
    """One value as people read it: a list one item a line, a status by its label, nothing as —."""
    if name == "status" and value in Status.values:
        return str(Status(value).label)
    if isinstance(value, list):
        return "\n".join(str(item) for item in value) or "—"
    return str(value) if value not in (None, "") else "—"
