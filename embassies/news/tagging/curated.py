"""The tagger's curated data file (`data/curated.toml`), loaded once and folded into keys."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from embassies.news.tagging.fold import key

PATH = Path(__file__).with_name("data") / "curated.toml"


@dataclass(frozen=True)
class Alias:
    code: str
    kind: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """One way to read an ambiguous name; code "" means the name points at no country."""

    code: str
    kind: str
    clues: frozenset[str]  # folded keys


@dataclass(frozen=True)
class Curated:
    aliases: tuple[Alias, ...]
    block: tuple[str, ...]
    exclude: frozenset[str]
    weak: frozenset[str]
    person: frozenset[str]
    readings: dict[str, tuple[Reading, ...]]
    dateline_regions: dict[str, str]  # folded abbreviation -> country ("ga" -> "US")


def _keys(section: dict[str, Any]) -> frozenset[str]:
    return frozenset(key(name) for name in section["names"])


def _reading(raw: dict[str, Any]) -> Reading:
    return Reading(raw["code"], raw["kind"], frozenset(key(c) for c in raw["clues"]))


@cache
def curated() -> Curated:
    data = tomllib.loads(PATH.read_text(encoding="utf-8"))
    return Curated(
        aliases=tuple(Alias(a["code"], a["kind"], tuple(a["names"])) for a in data["alias"]),
        block=tuple(data["block"]["names"]),
        exclude=_keys(data["exclude"]),
        weak=_keys(data["weak"]),
        person=_keys(data["person"]),
        dateline_regions={key(n): data["dateline"]["code"] for n in data["dateline"]["names"]},
        readings={
            key(r["name"]): tuple(_reading(x) for x in r["readings"]) for r in data["reading"]
        },
    )
