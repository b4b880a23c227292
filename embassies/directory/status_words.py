"""A mission's status told with its evidence, in the page's language: "Closed since
24 February 2022", "Operations suspended since 2021", "Reopened in 2026", "Listed by Wikidata,
November 2022". Dates are shown at the precision their source gives (a year, a month, a day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from embassies.directory import formats, status, titles
from embassies.directory.history import describe_source
from embassies.directory.models import FactStatus, Mission, Status
from embassies.lib.urls import web_url


def partial_date_text(value: str) -> str:
    """'2022' -> '2022'; '2022-02' -> 'February 2022'; '2022-02-24' -> '24 February 2022'."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    day = date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    return _day_text(day) if len(parts) == 3 else month_text(day)


def _day_text(day: date) -> str:
    """'24 February 2022', '24 février 2022': the site's one date style (formats.long_date)."""
    return formats.long_date(day)


def month_text(day: date | datetime) -> str:
    """'November 2022' in the page's language (CLDR's stand-alone month name)."""
    if isinstance(day, datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    return str(format_date(day, format="LLLL y", locale=titles.cldr_locale()))


@dataclass(frozen=True)
class Shown:
    """What a page says of a mission's status: a sentence, where services went, the source."""

    text: str
    moved: str = ""
    source_url: str = ""
    source_title: str = ""
    operating: bool = True


def _since(status_value: str, since: str) -> str:
    when = partial_date_text(since)
    sentences: dict[str, str] = {
        Status.CLOSED: gettext("Closed since %(date)s"),
        Status.SUSPENDED: gettext("Operations suspended since %(date)s"),
        Status.RELOCATED: gettext("Relocated since %(date)s"),
        Status.OPEN: gettext("Operating again since %(date)s"),
    }
    return sentences.get(status_value, "%(date)s") % {"date": when}


def _sentence(mission: Mission, evidence: status.Evidence | None) -> str:
    fact = evidence.fact if evidence else None
    if fact is not None and fact.status == FactStatus.REOPENED:
        on_day = len(fact.since) == 10  # "on 21 October 2025", but "in 2026"
        text = gettext("Reopened on %(date)s") if on_day else gettext("Reopened in %(date)s")
        return text % {"date": partial_date_text(fact.since)}
    if evidence and evidence.name == "wikidata" and mission.status == Status.OPEN:
        if mission.verified_at is None:
            return gettext("Listed by Wikidata")
        return gettext("Listed by Wikidata, %(date)s") % {"date": month_text(mission.verified_at)}
    if mission.status_since and evidence and evidence.name != "editor":
        return _since(mission.status, mission.status_since)
    return titles.status_label(mission.status)


def shown(mission: Mission) -> Shown:
    """The mission's status as its page, the finder and the card show it."""
    evidence = status.evidence(mission)
    moved = gettext("Services moved to %(place)s") % {"place": mission.moved_to}
    # A listing is named in the sentence itself; a closure gets its source linked.
    listed = evidence is not None and evidence.name == "wikidata" and mission.status == Status.OPEN
    return Shown(
        text=_sentence(mission, evidence),
        moved=moved if mission.moved_to and mission.status != Status.OPEN else "",
        source_url=evidence.url if evidence and not listed else "",
        source_title=(evidence.title or evidence.url) if evidence and not listed else "",
        operating=mission.status == Status.OPEN,
    )


@dataclass(frozen=True)
class FactLine:
    """One status fact on the public history page."""

    status: str
    since: str
    until: str
    moved_to: str
    source_url: str
    source_title: str
    by: str  # "the list of sourced status changes" or "an editor", never a name


def fact_lines(mission: Mission) -> list[FactLine]:
    """The mission's status facts, newest first, in the page's language."""
    labels: dict[str, str] = {
        FactStatus.CLOSED: titles.status_label(Status.CLOSED),
        FactStatus.SUSPENDED: titles.status_label(Status.SUSPENDED),
        FactStatus.RELOCATED: titles.status_label(Status.RELOCATED),
        FactStatus.REOPENED: pgettext("mission status", "Reopened"),
    }
    facts = sorted(mission.status_facts.all(), key=lambda f: (f.since, f.pk), reverse=True)
    return [
        FactLine(
            status=str(labels.get(f.status, f.status)),
            since=partial_date_text(f.since),
            until=partial_date_text(f.until) if f.until else "",
            moved_to=f.moved_to,
            source_url=web_url(f.source_url),
            source_title=f.source_title or web_url(f.source_url),
            by=describe_source(f.source),
        )
        for f in facts
    ]
