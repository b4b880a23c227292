"""The finder: a citizen of X in country Y (optionally near a point): which offices can help.

Rules, in order: the citizen's own missions in Y; failing those, its missions elsewhere
accredited to Y, representation arrangements (protecting powers, interests sections, consular
sharing, Nordic cooperation) and, for an EU citizen in a non-EU state, every other EU member
state's mission there. Always: the citizen's foreign-ministry emergency line. Suspended or
closed missions are listed apart with their status, never offered as help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from embassies.alerts.queries import finder_alerts
from embassies.assistance import reasons, rules
from embassies.assistance.models import Arrangement, ArrangementKind, EmergencyLine
from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission, Status
from embassies.lib.geo import valid_point

Point = tuple[float, float]


class FinderError(ValueError):
    """Bad input, with the parameter it concerns ("citizen", "in", "near")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Answer:
    mission: Mission
    reason: str
    basis: str  # own, accredited, protecting_power, interests_section, consular_sharing, nordic, eu
    distance_km: float | None
    source_url: str | None = None


@dataclass
class FinderResult:
    citizen: Country
    host: Country
    near: Point | None
    answers: list[Answer] = field(default_factory=list)
    unavailable: list[Answer] = field(default_factory=list)
    emergency_lines: list[EmergencyLine] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def message(self) -> str:
        """'You are Canadian in Russia: 3 offices can help.'"""
        if not reasons.english():
            return reasons.summary(self.citizen, self.host, len(self.answers), self.emergency_lines)
        you = f"You are {reasons.citizen_of(self.citizen)} in {reasons.the(self.host.name)}"
        if self.citizen == self.host:
            return f"{you}, your own country: contact the local authorities."
        if self.answers:
            offices = "office that can help" if len(self.answers) == 1 else "offices that can help"
            return f"{you}: {len(self.answers)} {offices}, best first."
        call = (
            "call your foreign ministry's emergency line"
            if self.emergency_lines
            else ("contact your foreign ministry")
        )
        return f"{you}: no office is known that can help you there; {call}."

    def add(self, answer: Answer) -> None:
        seen = {a.mission.pk for a in self.answers + self.unavailable}
        if answer.mission.pk not in seen:
            self.answers.append(answer)


def countries(citizen: str, host: str) -> tuple[Country, Country]:
    """Both countries in one query; FinderError names the parameter that is wrong."""
    codes = {"citizen": citizen.strip().upper(), "in": host.strip().upper()}
    # Only two ASCII letters reach the database (PostgreSQL refuses NUL and friends outright).
    wellformed = [
        code for code in codes.values() if len(code) == 2 and code.isascii() and code.isalpha()
    ]
    found = {c.code: c for c in Country.objects.filter(code__in=wellformed)}
    for field_name, code in codes.items():
        if len(code) != 2 or code not in found:
            message = gettext("Unknown country code %(code)s; use ISO 3166-1 alpha-2.")
            raise FinderError(field_name, message % {"code": repr(code[:10])})
    return found[codes["citizen"]], found[codes["in"]]


def check_point(near: Point | None) -> Point | None:
    if near is not None and not valid_point(*near):
        raise FinderError(
            # Translators: "near" is the name of the parameter; keep it as it is.
            "near",
            gettext("near must be a latitude in -90..90 and a longitude in -180..180."),
        )
    return near


def _own(result: FinderResult) -> bool:
    """Rule 1; True when a career office of the citizen's own can help (honorary consuls alone do not)."""
    missions = rules.ordered(rules.own_missions(result.citizen, result.host), result.near)
    for m in missions:
        answer = Answer(m, reasons.own(m), "own", rules.distance_km(m, result.near))
        if m.status == Status.OPEN:
            result.add(answer)
        else:
            result.unavailable.append(Answer(m, reasons.unavailable(m), "own", answer.distance_km))
    return any(m.status == Status.OPEN and m.kind != Kind.HONORARY_CONSULATE for m in missions)


def _accredited(result: FinderResult) -> None:
    for m in rules.ordered(rules.accredited_missions(result.citizen, result.host), result.near):
        reason = reasons.accredited(m, result.host)
        result.add(Answer(m, reason, "accredited", rules.distance_km(m, result.near)))


def _helpers(a: Arrangement, citizen: Country) -> list[str]:
    if a.representing_id:
        return [a.representing_id]
    return sorted(reasons.NORDIC - {citizen.code}) if a.kind == ArrangementKind.NORDIC else []


def _arrangements(result: FinderResult, found: list[Arrangement]) -> None:
    for a in found:
        if a.kind == ArrangementKind.EU_RULE:
            continue  # EU law applies whether or not its row was imported: see _eu
        for m in rules.ordered(
            rules.missions_of(_helpers(a, result.citizen), result.host), result.near
        ):
            distance = rules.distance_km(m, result.near)
            if not a.covers_consular:
                reason = reasons.not_consular(m.sending, result.citizen)
                result.unavailable.append(Answer(m, reason, a.kind, distance, a.source_url))
                continue
            reason = reasons.arrangement(a, m.sending, result.citizen, result.host)
            result.add(Answer(m, reason, a.kind, distance, a.source_url))


def _eu(result: FinderResult, found: list[Arrangement]) -> None:
    if not result.citizen.is_eu or result.host.is_eu:
        return
    imported = [a.source_url for a in found if a.kind == ArrangementKind.EU_RULE]
    source = imported[0] if imported else reasons.EU_SOURCE
    members = rules.eu_members(result.citizen.code)
    for m in rules.ordered(rules.missions_of(members, result.host, honorary=False), result.near):
        reason = reasons.eu(m.sending, result.citizen, result.host)
        result.add(Answer(m, reason, "eu", rules.distance_km(m, result.near), source))


def find(citizen: str, host: str, near: Point | None = None) -> FinderResult:
    """Ranked offices that can help a citizen of `citizen` in `host`; raises FinderError on bad input."""
    citizen_of, host_state = countries(citizen, host)
    result = FinderResult(citizen_of, host_state, check_point(near))
    result.emergency_lines = list(EmergencyLine.objects.filter(country=result.citizen))
    result.alerts = finder_alerts(result.host.code)
    if result.citizen == result.host:
        return result
    if not _own(result):
        _accredited(result)
        found = rules.arrangements(result.citizen, result.host)
        _arrangements(result, found)
        _eu(result, found)
    return result
