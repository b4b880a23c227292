"""The finder: a citizen of X in country Y (optionally near a point): which offices can help.

Rules, in order: the citizen's own missions in Y; failing those, its missions elsewhere
accredited to Y, representation arrangements (protecting powers, interests sections, consular
sharing, Nordic cooperation) and, for an EU citizen in a non-EU state, every other EU member
state's mission there. Always: the citizen's foreign-ministry emergency line. Suspended or
closed missions are listed apart with their status, never offered as help.

A protecting power or interests section for X in Y comes first: X's own offices there are
listed apart unless a source dated after it (a reopening, an editor) says they serve. An
arrangement is offered even when no office of the representing state is known. Missions in a
territory Y does not control (Abkhazia in Georgia) are never offered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from typing import Any

from django.db.models import Min, Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from embassies.alerts.models import Alert
from embassies.alerts.queries import finder_alerts
from embassies.assistance import reasons, rules
from embassies.assistance.models import Arrangement, ArrangementKind, EmergencyLine
from embassies.countries import nationality
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission, Status
from embassies.directory.search import index
from embassies.lib import gazetteer
from embassies.lib.geo import valid_point

Point = tuple[float, float]


class FinderError(ValueError):
    """Bad input, with the parameter it concerns ("citizen", "in", "near") and what is wrong
    ("unknown": no such country; "not_a_nationality": a known entry nobody is a citizen of)."""

    def __init__(self, field: str, message: str, kind: str = "unknown") -> None:
        super().__init__(message)
        self.field = field
        self.kind = kind


@dataclass(frozen=True)
class Office:
    """An office the directory has no record of, named from what an arrangement says: "Embassy
    of Qatar in Afghanistan" (titles.title reads it like a mission)."""

    sending: Country
    host: Country
    kind: str = Kind.EMBASSY
    sending_subdivision: str = ""
    city: str = ""

    @property
    def title(self) -> str:
        return titles.title(self)


@dataclass(frozen=True)
class Answer:
    mission: Mission | None  # None: an arrangement whose office the directory does not know
    reason: str
    basis: str  # own, accredited, protecting_power, interests_section, consular_sharing, nordic, eu
    distance_km: float | None
    source_url: str | None = None
    office: Office | None = None  # set when mission is None
    since: str = ""  # the arrangement's date, when the answer rests on one
    in_city: str = ""  # the point is in the mission's city: say "in Moscow", not "2 km away"
    note: str = ""  # for an office answer: why no address is given

    @property
    def representing(self) -> Country:
        """The state whose office helps."""
        return self.mission.sending if self.mission is not None else self.office.sending  # type: ignore[union-attr]

    @property
    def key(self) -> object:
        return self.mission.pk if self.mission is not None else ("office", self.representing.code)


@dataclass
class FinderResult:
    citizen: Country
    host: Country
    near: Point | None
    answers: list[Answer] = field(default_factory=list)
    unavailable: list[Answer] = field(default_factory=list)
    emergency_lines: list[EmergencyLine] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    reopened: dict[int, list[str]] = field(default_factory=dict)  # mission id -> dates reopened
    # The data this answer reads, as it was when the question came (one read per question).
    snapshot: index.Snapshot = field(default_factory=index.current, repr=False, compare=False)
    # The entry the person named when another state's missions answer for it (Puerto Rico,
    # Hong Kong); `citizen` is then that state (the United States, China).
    holder: Country | None = None
    holder_source: str = ""

    @property
    def message(self) -> str:
        """'You are Canadian in Russia: 3 offices that can help, best first.'"""
        return reasons.summary(
            self.citizen, self.host, len(self.answers), self.emergency_lines, self.holder
        )

    @property
    def nationality_note(self) -> str:
        """Why another state's offices answer: 'People of Puerto Rico hold passports of ...'."""
        return reasons.helped_as(self.holder, self.citizen) if self.holder else ""

    @property
    def eu_rule(self) -> str:
        """The EU rule, said once for the whole answer when member states' offices help."""
        if not any(a.basis == "eu" for a in self.answers):
            return ""
        return reasons.eu_rule(self.citizen, self.host)

    @property
    def no_emergency_line(self) -> str:
        """The same sentence for every state whose emergency line the directory lacks."""
        return "" if self.emergency_lines else reasons.no_emergency_line()

    @cached_property
    def point_city(self) -> gazetteer.City | None:
        """The city the point is in, to say "in Moscow" of a mission there."""
        return gazetteer.city_for_point(*self.near, self.host.code) if self.near else None

    def add(self, answer: Answer) -> None:
        seen = {a.key for a in self.answers + self.unavailable}
        if answer.key not in seen:
            self.answers.append(answer)

    def answer(self, m: Mission, reason: str, basis: str, source_url: str | None = None) -> Answer:
        """An answer about mission m, with its distance from the point, or "in CITY"."""
        distance = rules.distance_km(m, self.near)
        where = rules.in_city(m, distance, self.point_city)
        return Answer(m, reason, basis, distance, source_url, in_city=where)


def countries(
    citizen: str, host: str, snapshot: index.Snapshot | None = None
) -> tuple[Country, Country]:
    """Both countries, from the snapshot; FinderError names the parameter that is wrong."""
    codes = {"citizen": citizen.strip().upper(), "in": host.strip().upper()}
    known = (snapshot or index.current()).countries()
    # Only two ASCII letters name a country (a NUL or a look-alike letter names none).
    wellformed = [
        code for code in codes.values() if len(code) == 2 and code.isascii() and code.isalpha()
    ]
    found = {code: known[code] for code in wellformed if code in known}
    for field_name, code in codes.items():
        if len(code) != 2 or code not in found:
            message = gettext("Unknown country code %(code)s; use ISO 3166-1 alpha-2.")
            raise FinderError(field_name, message % {"code": repr(code[:10])})
    return found[codes["citizen"]], found[codes["in"]]


def helped_as(citizen: Country, snapshot: index.Snapshot) -> tuple[Country, Country | None, str]:
    """(the state whose offices answer, the entry named when that differs, its source):
    Puerto Rico -> the United States; Hong Kong -> China; a state -> itself. FinderError for
    an entry no one is a citizen of (Antarctica)."""
    held = nationality.passport(citizen.code)
    if not held.passport:
        message = reasons.not_a_nationality(citizen)
        raise FinderError("citizen", message, kind="not_a_nationality")
    if not held.helped_as_another:
        return citizen, None, ""
    return snapshot.countries()[held.helped_by], citizen, held.source_url


def check_point(near: Point | None) -> Point | None:
    if near is not None and not valid_point(*near):
        raise FinderError(
            # Translators: "near" is the name of the parameter; keep it as it is.
            "near",
            gettext("near must be a latitude in -90..90 and a longitude in -180..180."),
            "not_a_point",
        )
    return near


def _unavailable(result: FinderResult, m: Mission, basis: str, standing: list[Arrangement]) -> bool:
    """List m apart when it cannot help: its status, or an arrangement that stands for its
    state (no later source says it serves again). True when it was listed apart."""
    if m.status != Status.OPEN:
        reason, source = reasons.unavailable(m), reasons.unavailable_source(m)
        result.unavailable.append(
            Answer(m, reason, basis, rules.distance_km(m, result.near), source)
        )
        return True
    superseded = rules.superseding(m, standing, result.reopened)
    if superseded is None:
        return False
    reason = reasons.superseded(m, superseded, result.citizen, result.host)
    distance = rules.distance_km(m, result.near)
    result.unavailable.append(Answer(m, reason, basis, distance, superseded.source_url))
    return True


def _own(result: FinderResult, standing: list[Arrangement]) -> bool:
    """Rule 1; True when a career office of the citizen's own can help (honorary consuls alone do not)."""
    own = rules.own_missions(result.snapshot, result.citizen, result.host)
    missions = rules.ordered(own, result.near)
    result.reopened = rules.reopened(result.snapshot, missions) if standing else {}
    helping = [m for m in missions if not _unavailable(result, m, "own", standing)]
    for m in helping:
        result.add(result.answer(m, reasons.own(m), "own"))
    return any(m.kind != Kind.HONORARY_CONSULATE for m in helping)


def _accredited(result: FinderResult, standing: list[Arrangement]) -> None:
    accredited = rules.accredited_missions(result.snapshot, result.citizen, result.host)
    missions = rules.ordered(accredited, result.near)
    result.reopened |= rules.reopened(result.snapshot, missions) if standing else {}
    for m in missions:
        if not _unavailable(result, m, "accredited", standing):
            result.add(result.answer(m, reasons.accredited(m, result.host), "accredited"))


def _helpers(a: Arrangement, citizen: Country) -> list[str]:
    if a.representing_id:
        return [a.representing_id]
    return sorted(reasons.NORDIC - {citizen.code}) if a.kind == ArrangementKind.NORDIC else []


def _office(result: FinderResult, a: Arrangement, closed: list[Mission]) -> None:
    """The arrangement itself when the directory knows no open office of the representing
    state there: what is known (who, scope, source, since) is better than nothing. Its
    offices that are not operating are listed apart, with their reason: a mandate outlives
    a closed building (Switzerland's for the United States in Iran)."""
    if a.is_rule or a.representing is None:
        return  # a rule (Nordic, EU) names no state to ask for
    for m in closed:
        _unavailable(result, m, a.kind, [])
    office = Office(a.representing, result.host)
    if not a.covers_consular:
        reason = reasons.not_consular(a.representing, result.citizen)
        result.unavailable.append(Answer(None, reason, a.kind, None, a.source_url, office, a.since))
        return
    reason = reasons.arrangement(a, a.representing, result.citizen, result.host)
    note = reasons.office_not_operating() if closed else reasons.office_not_listed()
    result.add(Answer(None, reason, a.kind, None, a.source_url, office, a.since, note=note))


def _arrangement(result: FinderResult, a: Arrangement) -> None:
    helpers = _helpers(a, result.citizen)
    known = rules.missions_of(result.snapshot, helpers, result.host, operating=False)
    missions = [m for m in known if m.status == Status.OPEN]
    if not missions:
        _office(result, a, [m for m in known if m.status != Status.OPEN and not m.territory])
    for m in rules.ordered(missions, result.near):
        if not a.covers_consular:
            reason = reasons.not_consular(m.sending, result.citizen)
            distance = rules.distance_km(m, result.near)
            result.unavailable.append(Answer(m, reason, a.kind, distance, a.source_url))
            continue
        reason = reasons.arrangement(a, m.sending, result.citizen, result.host)
        answer = result.answer(m, reason, a.kind, a.source_url)
        result.add(replace(answer, since=a.since))


def _arrangements(result: FinderResult, found: list[Arrangement]) -> None:
    for a in found:
        # EU law applies whether or not its row was imported: see _eu
        if a.kind != ArrangementKind.EU_RULE:
            _arrangement(result, a)


def _eu(result: FinderResult, found: list[Arrangement]) -> None:
    if not result.citizen.is_eu or result.host.is_eu:
        return
    imported = [a.source_url for a in found if a.kind == ArrangementKind.EU_RULE]
    source = imported[0] if imported else reasons.EU_SOURCE
    members = rules.eu_members(result.snapshot, result.citizen.code)
    offices = rules.missions_of(result.snapshot, members, result.host, honorary=False)
    for m in rules.ordered(offices, result.near):
        reason = reasons.eu(m.sending)
        result.add(result.answer(m, reason, "eu", source))


@dataclass(frozen=True)
class _Alerts:
    until: float  # the next moment one of the country's alerts starts or ends (a timestamp)
    shown: list[dict[str, Any]]


def alerts(snapshot: index.Snapshot, host: str) -> list[dict[str, Any]]:
    """finder_alerts(host), kept with this generation of the data until the next moment one of
    the host's alerts starts or ends: that happens by the clock, with no change announced."""
    kept: dict[tuple[str, str | None], _Alerts] = snapshot.derived("finder_alerts", dict)
    key = (host, translation.get_language())  # the alerts' URLs are in the page's language
    found, now = kept.get(key), timezone.now()
    if found is None or now.timestamp() >= found.until:
        found = kept[key] = _Alerts(_next_boundary(host, now), finder_alerts(host, now))
    return found.shown


def _next_boundary(host: str, now: datetime) -> float:
    """When the next of the host's alerts starts or ends after `now` (inf: none will)."""
    found = Alert.objects.filter(country_id=host).aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    moments = [m.timestamp() for m in found.values() if m is not None]
    return min(moments, default=math.inf)


def find(citizen: str, host: str, near: Point | None = None) -> FinderResult:
    """Ranked offices that can help a citizen of `citizen` in `host`; raises FinderError on bad input."""
    snapshot = index.current()  # the data as it is now, read once per generation
    named, host_state = countries(citizen, host, snapshot)
    citizen_of, holder, source = helped_as(named, snapshot)
    result = FinderResult(citizen_of, host_state, check_point(near), snapshot=snapshot)
    result.holder, result.holder_source = holder, source
    result.emergency_lines = rules.emergency_lines(snapshot, result.citizen)
    result.alerts = alerts(snapshot, result.host.code)
    if result.citizen == result.host:
        return result
    found = rules.arrangements(snapshot, result.citizen, result.host)
    # A protecting power or interests section for this host means the state has no working
    # mission there: it comes first, and the state's own offices are listed apart.
    standing = rules.standing(found)
    if not _own(result, standing):
        _arrangements(result, standing)
        _accredited(result, standing)
        _arrangements(result, [a for a in found if a not in standing])
        _eu(result, found)
    return result
