"""The OpenStreetMap matching sample, shared by bench/osm_matching.py (the whole snapshot) and
tests/directory/test_osm_matching_sample.py (two hosts): OSM-format elements built from the
missions the way OSM differs from Wikidata, distractors that must match nothing, and the score
of the real matcher over them."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

# Kinds a distractor of "another kind" may take, and the kinds their family holds.
OTHER_KINDS = {
    "embassy": "honorary_consulate",
    "consulate_general": "honorary_consulate",
    "consulate": "honorary_consulate",
    "honorary_consulate": "consulate_general",
    "high_commission": "honorary_consulate",
}
OSM_KIND = {  # Kind value -> (diplomatic=*, sub-tag)
    "embassy": ("embassy", None),
    "high_commission": ("embassy", ("embassy", "high_commission")),
    "consulate_general": ("consulate", ("consulate", "consulate_general")),
    "consulate": ("consulate", None),
    "honorary_consulate": ("consulate", ("consulate", "honorary_consul")),
    "permanent_mission": ("permanent_mission", None),
    "apostolic_nunciature": ("embassy", ("embassy", "nunciature")),
}
WORDS = {  # how each language names an embassy / consulate (general)
    "fr": ("Ambassade", "Consulat"),
    "de": ("Botschaft", "Konsulat"),
    "es": ("Embajada", "Consulado"),
    "ru": ("Посольство", "Консульство"),
}


@dataclass(frozen=True)
class Known:
    """A stored mission, as the benchmark sees it."""

    id: int
    sending: str
    host: str
    kind: str
    lat: float | None
    lon: float | None


@dataclass
class Case:
    element: dict[str, Any]
    expected: int | None  # the mission it is, or None for a distractor
    what: str


def moved(lat: float, lon: float, metres: float, rng: random.Random) -> tuple[float, float]:
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = metres * math.cos(bearing) / 111_195
    dlon = metres * math.sin(bearing) / (111_195 * max(math.cos(math.radians(lat)), 0.01))
    return lat + dlat, lon + dlon


def offset_metres(rng: random.Random) -> float:
    """Tens of metres mostly, up to about 1 km often, a few km sometimes, 10 km rarely."""
    roll = rng.random()
    if roll < 0.6:
        return rng.uniform(10, 150)
    if roll < 0.87:
        return rng.uniform(150, 1000)
    if roll < 0.97:
        return rng.uniform(1000, 3000)
    return rng.uniform(3000, 10000)


def name_for(sender: str, kind: str, rng: random.Random) -> str | None:
    from embassies.countries import reference

    facts = reference.get(sender)
    if facts is None:
        return None
    consular = "consul" in kind
    roll = rng.random()
    if roll < 0.3:
        label = {
            "consulate_general": "Consulate General",
            "honorary_consulate": "Honorary Consulate",
        }
        return f"{label.get(kind, 'Consulate' if consular else 'Embassy')} of {facts.name}"
    if roll < 0.6:
        language = rng.choice(sorted(WORDS))
        word = WORDS[language][1 if consular else 0]
        return f"{word} ({facts.names.get(language, facts.name)})"
    if roll < 0.75:
        return f"{facts.demonym or facts.code} {'Consulate' if consular else 'Embassy'}"
    if roll < 0.85:
        return WORDS["ru"][1 if consular else 0]  # no state named at all
    return None


def element(
    osm_id: int, lat: float, lon: float, tags: dict[str, str], rng: random.Random
) -> dict[str, Any]:
    if rng.random() < 0.4:  # a building outline: Overpass gives its centre
        return {"type": "way", "id": osm_id, "center": {"lat": lat, "lon": lon}, "tags": tags}
    return {"type": "node", "id": osm_id, "lat": lat, "lon": lon, "tags": tags}


def kind_tags(kind: str, rng: random.Random) -> dict[str, str]:
    """The tags of a kind; now and then the legacy tag alone, or a related kind."""
    if rng.random() < 0.1:
        return {"amenity": "embassy"}
    if kind == "consulate_general" and rng.random() < 0.15:
        kind = "consulate"
    diplomatic, sub = OSM_KIND.get(kind, (kind, None))
    tags = {"office": "diplomatic", "diplomatic": diplomatic}
    return tags | ({sub[0]: sub[1]} if sub else {})


def positive(osm_id: int, mission: Known, rng: random.Random) -> Case:
    assert mission.lat is not None and mission.lon is not None
    lat, lon = moved(mission.lat, mission.lon, offset_metres(rng), rng)
    tags = kind_tags(mission.kind, rng)
    if rng.random() > 0.15:
        tags["country"] = mission.sending
    name = name_for(mission.sending, mission.kind, rng)
    if name:
        tags["name"] = name
    if rng.random() < 0.3:
        tags["opening_hours"] = rng.choice(["Mo-Fr 09:00-17:00", "Mo-Fr 9-17"])
    return Case(element(osm_id, lat, lon, tags, rng), mission.id, "mission")


def other_sender(
    osm_id: int, near: Known, senders_in: set[str], states: list[str], rng: random.Random
) -> Case | None:
    absent = [code for code in states if code not in senders_in and code != near.host]
    if not absent:
        return None
    sender = rng.choice(absent)
    assert near.lat is not None and near.lon is not None
    lat, lon = moved(near.lat, near.lon, rng.uniform(30, 600), rng)
    tags = kind_tags(near.kind, rng) | {"country": sender}
    name = name_for(sender, near.kind, rng)
    tags |= {"name": name} if name else {}
    return Case(element(osm_id, lat, lon, tags, rng), None, "another sender nearby")


def other_kind(osm_id: int, near: Known, same_pair: list[Known], rng: random.Random) -> Case | None:
    from embassies.directory.importing.osm_match import kind_family

    kind = OTHER_KINDS.get(near.kind)
    if kind is None or any(kind_family(m.kind) == kind_family(kind) for m in same_pair):
        return None  # the sender has such an office: not a distractor
    assert near.lat is not None and near.lon is not None
    lat, lon = moved(near.lat, near.lon, rng.uniform(300, 3000), rng)
    tags = kind_tags(kind, rng) | {"country": near.sending}
    if "diplomatic" not in tags:  # the legacy tag alone would say nothing of its kind
        tags |= {"office": "diplomatic", "diplomatic": OSM_KIND[kind][0]}
        tags |= dict([OSM_KIND[kind][1]]) if OSM_KIND[kind][1] else {}  # type: ignore[list-item]
    tags |= {"name": name_for(near.sending, kind, rng) or ""}
    return Case(element(osm_id, lat, lon, tags, rng), None, "same sender, another kind")


def build_sample(missions: list[Known], seed: int = 7, distractor_share: float = 0.3) -> list[Case]:
    """An element for every mission with coordinates, and distractors near a share of them.

    Missions without coordinates get no element, but count as offices their sender has."""
    from embassies.countries import reference

    rng = random.Random(seed)
    states = sorted(c.code for c in reference.all_countries() if c.is_state)
    senders_in: dict[str, set[str]] = defaultdict(set)
    by_pair: dict[tuple[str, str], list[Known]] = defaultdict(list)
    for m in missions:
        senders_in[m.host].add(m.sending)
        by_pair[(m.sending, m.host)].append(m)
    placed = [m for m in missions if m.lat is not None and m.lon is not None]
    cases = [positive(i + 1, m, rng) for i, m in enumerate(placed)]
    next_id = len(cases) + 1
    for m in placed:
        if rng.random() >= distractor_share:
            continue
        case = (
            other_sender(next_id, m, senders_in[m.host], states, rng)
            if rng.random() < 0.5
            else other_kind(next_id, m, by_pair[(m.sending, m.host)], rng)
        )
        if case is not None:
            cases.append(case)
            next_id += 1
    return cases


@dataclass
class Score:
    positives: int = 0
    correct: int = 0
    same_office: int = 0  # matched Wikidata's other item for the very same office
    missed: int = 0
    distractors: int = 0
    rejected: int = 0
    false_merges: list[tuple[Case, int, str]] = field(default_factory=list)
    missed_why: Counter[str] = field(default_factory=Counter)


SAME_OFFICE_KM = 0.1


def same_office(a: Known, b: Known) -> bool:
    """Two Wikidata items of one sender at one spot (one per accredited state, or a duplicate):
    an element there is either, and linking it to one of them is right."""
    from embassies.directory.importing.osm_match import kind_family
    from embassies.lib.geo import haversine_km

    if a.sending != b.sending or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    if kind_family(a.kind) != kind_family(b.kind):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_OFFICE_KM  # type: ignore[arg-type]


def score(cases: list[Case], missions: list[Known]) -> Score:
    """Run the real parser and matcher over the cases and count the outcomes."""
    from embassies.directory.importing.osm import parse_answer
    from embassies.directory.importing.osm_match import MissionIndex, match_all

    parsed = parse_answer({"elements": [c.element for c in cases]})
    expected = {f"{c.element['type']}/{c.element['id']}": c for c in cases}
    by_id = {m.id: m for m in missions}
    matches = match_all(parsed.records, MissionIndex.load())
    result = Score()
    for found in matches:
        case, got = expected[found.record.osm_id], found.mission_id
        if case.expected is None:
            result.distractors += 1
            result.rejected += got is None
        else:
            result.positives += 1
            result.correct += got == case.expected
            result.missed += got is None
            if got is None:
                result.missed_why[found.reason.split(":")[0].split(" (")[0]] += 1
        if got is None or got == case.expected:
            continue
        if (
            case.expected is not None
            and got in by_id
            and same_office(by_id[got], by_id[case.expected])
        ):
            result.same_office += 1
        else:
            result.false_merges.append((case, got, found.reason))
    return result


def known_missions() -> list[Known]:
    from embassies.directory.models import Mission, Status

    rows = (
        Mission.objects.exclude(status=Status.CLOSED)
        .order_by("id")
        .values_list("id", "sending_id", "host_id", "kind", "lat", "lon")
    )
    return [Known(*row) for row in rows]
