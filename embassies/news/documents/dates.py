"""Publication dates as pages print them; day first, as most of the world writes them."""

from __future__ import annotations

from datetime import UTC, datetime

# "21/03/2018" is 21 March: the seed's sites and most non-US news write the day first.
_FORMATS = (
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%A, %d %B %Y",
    "%A %d %B %Y",
)


def parse_date(text: str) -> datetime | None:
    """An aware UTC datetime from a date or ISO 8601 timestamp; None when unreadable."""
    value = text.strip().rstrip(".")
    found: datetime | None
    try:
        found = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        found = next((d for d in (_try(value, f) for f in _FORMATS) if d), None)
    if found is None:
        return None
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)


def _try(value: str, pattern: str) -> datetime | None:
    try:
        return datetime.strptime(value, pattern)
    except ValueError:
        return None
