"""Which stored mission an OpenStreetMap element describes, if any, and only when it is clear.

An element matches a mission of the same sending state, in the host its coordinates lie in
(or its `target` tag names), of a compatible kind, nearby. Names only help: they supply a
missing `country` tag and veto a match they contradict. When two missions are about as good a
fit, nothing is merged: a wrong merge would put one office's phone on another's page, while a
missed one only leaves a field empty. Nothing here writes; a Match says what to do and why.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from embassies.countries import reference
from embassies.directory.importing.osm import OsmRecord
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission, Status
from embassies.lib import gazetteer
from embassies.lib.geo import haversine_km
from embassies.lib.text import normalize

MAX_KM = 10.0  # farther than this, an element is another office (or coordinates are wrong)
HOST_RADIUS_KM = 30.0  # cities this near tell which states the element may stand in
NO_POINT_KM = 3.0  # how far a mission known only by its city is taken to be
# A related kind (consulate for consulate general) counts as this much farther.
KIND_PENALTY_KM = 0.5
# The best candidate must be clearly better than the next: runner-up >= 2 * best + 0.2 km.
CLEAR_FACTOR = 2.0
CLEAR_MARGIN_KM = 0.2

_FAMILIES: dict[str, str] = {
    Kind.EMBASSY: "embassy",
    Kind.HIGH_COMMISSION: "embassy",
    Kind.APOSTOLIC_NUNCIATURE: "embassy",
    Kind.REPRESENTATIVE_OFFICE: "embassy",
    Kind.CONSULATE_GENERAL: "consulate",
    Kind.CONSULATE: "consulate",
    Kind.CONSULAR_AGENCY: "consulate",
}


def kind_family(kind: str) -> str:
    """Kinds that open data confuses for one another share a family; others stand alone."""
    return _FAMILIES.get(kind, kind)


@dataclass(frozen=True)
class Candidate:
    """A stored mission, as much as matching needs."""

    id: int
    osm_id: str | None
    sending: str
    host: str
    kind: str
    lat: float | None
    lon: float | None
    city: str
    city_geonameid: int | None


@dataclass
class MissionIndex:
    by_osm: dict[str, Candidate] = field(default_factory=dict)
    by_pair: dict[tuple[str, str], list[Candidate]] = field(default_factory=dict)
    states: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> MissionIndex:
        """Every mission, read once (plain values: matching 20,000 elements asks nothing more)."""
        index = cls(states=frozenset(c.code for c in reference.all_countries()))
        pairs: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
        fields = ("id", "osm_id", "sending_id", "host_id", "kind", "lat", "lon", "city")
        rows = Mission.objects.order_by().values_list(*fields, "city_geonameid", "status")
        for *values, status in rows:
            candidate = Candidate(*values)
            if candidate.osm_id:
                index.by_osm[candidate.osm_id] = candidate
            if status != Status.CLOSED:
                pairs[(candidate.sending, candidate.host)].append(candidate)
        index.by_pair = dict(pairs)
        return index


@dataclass
class Match:
    """The outcome for one element: a mission id, or None and the reason."""

    record: OsmRecord
    mission_id: int | None
    reason: str = ""
    ambiguous: bool = False
    cost_km: float = 0.0


def states_named(names: list[str], known: frozenset[str]) -> set[str]:
    """States a name mentions ("Embassy of Canada", "Deutsche Botschaft"), longest phrase first."""
    index = reference.name_index()
    found: set[str] = set()
    for name in names:
        words = normalize(name).split()
        start = 0
        while start < len(words):
            for end in range(min(len(words), start + 6), start, -1):
                code = index.get(" ".join(words[start:end]))
                if code and code in known:
                    found.add(code)
                    start = end - 1
                    break
            start += 1
    return found


def names_state(names: list[str], code: str) -> bool:
    """Whether a name spells out this state in some language: "Embajada de la República
    Democrática del Congo" names CD even though its last word alone is Congo's (CG)."""
    facts = reference.get(code)
    if facts is None:
        return False
    spellings = {
        facts.name,
        facts.official_name,
        *facts.names.values(),
        *facts.alt_names,
        facts.demonym,
        *facts.adjectives,
    }
    keys = {normalize(s) for s in spellings if s} - {""}
    texts = [f" {normalize(name)} " for name in names]
    return any(f" {key} " in text for key in keys for text in texts)


def _sending(record: OsmRecord, index: MissionIndex, around: set[str]) -> tuple[str, str]:
    """(sending state, "") or ("", reason it cannot be told)."""
    tag = record.sending
    if tag:
        code = tag if tag in index.states else reference.resolve_name(tag) or ""
        return (code, "") if code in index.states else ("", f"country tag {tag!r} is not a state")
    named = states_named(record.names, index.states) - around
    if len(named) == 1:
        return named.pop(), ""
    return "", "no country tag, and the name does not tell the sending state"


def _hosts(record: OsmRecord) -> list[str]:
    """States whose territory the element may be in: those of the cities around it, nearest
    first (Rome's embassies stand a few hundred metres from the Vatican's border)."""
    assert record.lat is not None and record.lon is not None
    # Offices cluster in capitals: points taken to about 1 km, each place asked once.
    return list(_hosts_near(round(record.lat, 2), round(record.lon, 2)))


@lru_cache(maxsize=16384)
def _hosts_near(lat: float, lon: float) -> tuple[str, ...]:
    around = gazetteer.nearby(lat, lon, HOST_RADIUS_KM)
    if around:
        return tuple(dict.fromkeys(city.country for city, _ in around))
    located = gazetteer.country_at(lat, lon)
    return (located,) if located else ()


def _kind_cost(element_kind: str, mission_kind: str) -> float | None:
    """Extra distance for a kind that is related but not the same; None when unrelated."""
    if not element_kind or element_kind == mission_kind:
        return KIND_PENALTY_KM if not element_kind else 0.0
    return KIND_PENALTY_KM if kind_family(element_kind) == kind_family(mission_kind) else None


def _cost(record: OsmRecord, candidate: Candidate) -> float | None:
    """How far the element is from the mission, kind penalty included; None: not a candidate."""
    extra = _kind_cost(record.kind, candidate.kind)
    if extra is None:
        return None
    assert record.lat is not None and record.lon is not None
    if candidate.lat is not None and candidate.lon is not None:
        km = haversine_km(record.lat, record.lon, candidate.lat, candidate.lon)
        return km + extra if km <= MAX_KM else None
    city = gazetteer.city_for_point(record.lat, record.lon, candidate.host)
    same_city = city is not None and (
        candidate.city_geonameid == city.geonameid
        or normalize(candidate.city) == normalize(city.name)
    )
    return NO_POINT_KM + extra if same_city else None


def match_one(record: OsmRecord, index: MissionIndex) -> Match:
    linked = index.by_osm.get(record.osm_id)
    if linked is not None:
        return Match(record, linked.id, "already linked")
    if record.lat is None or record.lon is None:
        return Match(record, None, "no coordinates")
    hosts = _hosts(record)
    target = record.target if record.target in index.states else ""
    if not hosts and not target:
        return Match(record, None, "coordinates are in no known country")
    sending, why = _sending(record, index, {*hosts, target} - {""})
    if not sending:
        return Match(record, None, why)
    named = states_named(record.names, index.states) - {*hosts, target}
    if named and sending not in named and not names_state(record.names, sending):
        other = ", ".join(sorted(named))
        return Match(record, None, f"the name names {other}, the country tag {sending}")
    # `target` names the state a mission is sent to: missions to the Holy See stand in Rome,
    # some to Luxembourg in Brussels. Without it, the states around the point.
    return _nearest(record, sending, [target] if target else hosts, index)


def _nearest(record: OsmRecord, sending: str, hosts: list[str], index: MissionIndex) -> Match:
    pool = [c for host in hosts for c in index.by_pair.get((sending, host), [])]
    where = "/".join(hosts)
    if not pool:
        return Match(record, None, f"no mission of {sending} in {where}")
    assert record.lat is not None and record.lon is not None
    scored = sorted(
        ((cost, c) for c in pool if (cost := _cost(record, c)) is not None),
        key=lambda pair: pair[0],
    )
    if not scored:
        kind = record.kind or "any kind"
        return Match(
            record, None, f"no mission of {sending} in {where} ({kind}) within {MAX_KM:g} km"
        )
    best_cost, best = scored[0]
    if len(scored) > 1 and not _clearly_better(best_cost, scored[1][0]):
        ids = ", ".join(str(pk) for pk in sorted(c.id for _, c in scored[:2]))
        return Match(record, None, f"ambiguous: missions {ids} fit about as well", True)
    if best.osm_id not in (None, record.osm_id):
        # Most likely the same office mapped twice: the element already linked keeps it.
        return Match(record, None, f"the mission nearby is linked to {best.osm_id}")
    return Match(record, best.id, f"{best_cost:.2f} km", cost_km=best_cost)


def _clearly_better(best: float, runner_up: float) -> bool:
    return runner_up >= CLEAR_FACTOR * best + CLEAR_MARGIN_KM


def match_all(records: list[OsmRecord], index: MissionIndex) -> list[Match]:
    """One Match per record; a mission claimed by several elements goes to a clear winner only."""
    matches = [match_one(record, index) for record in records]
    claims: dict[int, list[Match]] = defaultdict(list)
    for found in matches:
        if found.mission_id is not None:
            claims[found.mission_id].append(found)
    for mission_id, rivals in claims.items():
        if len(rivals) > 1:
            _settle(mission_id, rivals)
    return matches


def _settle(mission_id: int, rivals: list[Match]) -> None:
    """Keep the element already linked, else a clearly nearest one; the others are unmatched."""
    rivals.sort(key=lambda m: (m.reason != "already linked", m.cost_km))
    first, second = rivals[0], rivals[1]
    keep = first.reason == "already linked" or _clearly_better(first.cost_km, second.cost_km)
    for rival in rivals if not keep else rivals[1:]:
        rival.mission_id = None
        rival.ambiguous = not keep
        rival.reason = (
            f"another element fits mission {mission_id} better"
            if keep
            else f"ambiguous: several elements fit mission {mission_id}"
        )
