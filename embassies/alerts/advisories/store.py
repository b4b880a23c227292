"""Store one issuer's advisories in one transaction, and let crisis alerts follow the levels."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from embassies.alerts import raising
from embassies.alerts.advisories.items import AdvisoryFormatError, Issuer, Item
from embassies.alerts.advisories.resolve import resolve
from embassies.alerts.models import Advisory, AdvisorySource
from embassies.countries.models import Country
from embassies.lib.changes import countries_changed
from embassies.lib.urls import web_url


@dataclass
class Summary:
    issuer: str
    source: str
    read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    raised: list[str] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_modified: bool = False  # the live source answered 304: the stored advisories stand


_NEVER = datetime.min.replace(tzinfo=UTC)


def _newer(item: Item, than: Item | None) -> bool:
    """Of two items for one country, the latest published wins; then the higher level."""
    if than is None:
        return True
    return (item.published or _NEVER, item.level or 0) > (than.published or _NEVER, than.level or 0)


def _unplaced(item: Item, issuer: Issuer, placed: bool) -> str:
    """How an item that is not stored is reported: its title, and the code an issuer that keys
    by code gave, so that an operator can tell which entry it was."""
    if placed:
        return f"{item.title} (no level stated)"
    if issuer.by_code:
        return f"{item.title} (code {', '.join(item.tags) or 'missing'})"
    return item.title


def wanted(issuer: Issuer, items: list[Item], summary: Summary) -> dict[str, Item]:
    """Country code -> the item that sets its level; what cannot be placed goes to the summary."""
    chosen: dict[str, Item] = {}
    for item in items:
        found = resolve(item, issuer)
        summary.notes += found.notes
        if not found.codes or item.level is None:
            summary.unresolved.append(_unplaced(item, issuer, bool(found.codes)))
            continue
        for code in found.codes:
            if _newer(item, chosen.get(code)):
                chosen[code] = item
    return chosen


def _values(item: Item) -> dict[str, object]:
    # A link that is not a clean http(s) URL (javascript:, data:) is dropped, the level kept.
    return {
        "level": item.level,
        "parts_only": item.parts_only,
        "issuer_level": item.issuer_level[:200],
        "title": item.title[:300],
        "published": item.published,
        "link": web_url(item.link[:500]),
    }


def _save(
    issuer: Issuer, country: Country, item: Item, old: Advisory | None
) -> tuple[Advisory, str]:
    """The stored advisory and what happened to it: added, updated or unchanged."""
    values = _values(item)
    if old is None:
        return Advisory.objects.create(issuer=issuer.code, country=country, **values), "added"
    if all(getattr(old, name) == value for name, value in values.items()):
        return old, "unchanged"
    for name, value in values.items():
        setattr(old, name, value)
    old.save()
    return old, "updated"


def _checked(issuer: Issuer, source: str, now: datetime, validators: dict[str, str]) -> None:
    """When the live source was last read (and its validators, when it sent new ones). Pages
    show the day: they are told when it changes, at most once a day, not on every read."""
    before = AdvisorySource.objects.filter(url=source).values_list("checked_at", flat=True)
    last = before.first()
    AdvisorySource.objects.update_or_create(
        url=source, defaults={"issuer": issuer.code, "checked_at": now, **validators}
    )
    if last is None or timezone.localdate(last) != timezone.localdate(now):
        shown = Advisory.objects.filter(issuer=issuer.code).values_list("country_id", flat=True)
        countries_changed(list(shown))


def remember(issuer: Issuer, source: str, validators: dict[str, str] | None, now: datetime) -> None:
    """Saved with the advisories (in store's transaction), so that a run that failed is never
    answered 304 the next time. A file or a URL given by hand replaces what a live source said:
    the issuer's validators are forgotten, so its next live fetch reads the source whole."""
    if validators is None:
        AdvisorySource.objects.filter(issuer=issuer.code).delete()
        return
    _checked(issuer, source, now, validators)


def not_modified(issuer: Issuer, source: str, now: datetime | None = None) -> Summary:
    """A 304 from the live source: nothing changes but when it was last read."""
    now = now or timezone.now()
    with transaction.atomic():
        _checked(issuer, source, now, {})
        kept = Advisory.objects.filter(issuer=issuer.code).count()
    return Summary(issuer.code, source, unchanged=kept, not_modified=True)


def store(
    issuer: Issuer,
    items: list[Item],
    source: str,
    now: datetime | None = None,
    validators: dict[str, str] | None = None,
) -> Summary:
    """All or nothing: an error anywhere leaves the previous advisories and alerts as they were.
    `validators`: the live answer's, to ask with next time; None for a file or a given URL."""
    if not items:
        raise AdvisoryFormatError("the document lists no advisories; nothing was changed")
    now = now or timezone.now()
    summary = Summary(issuer.code, source, read=len(items))
    chosen = wanted(issuer, items, summary)
    if not chosen:
        raise AdvisoryFormatError("no item names a known country with a level; nothing was changed")
    with transaction.atomic():
        countries = Country.objects.in_bulk(list(chosen))
        stored = Advisory.of_issuer(issuer.code)
        remember(issuer, source, validators, now)
        for code, item in chosen.items():
            if code not in countries:
                summary.unresolved.append(f"{item.title} ({code} is not in the directory)")
                continue
            old = stored.get(code)
            previous = old.level if old else None
            advisory, outcome = _save(issuer, countries[code], item, old)
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            followed = raising.follow(advisory, previous, now)
            if followed:
                getattr(summary, followed).append(code)
    return summary
