"""Which nationality the people of each ISO 3166-1 entry hold, and whose consuls help them.

A state is its own nationality. A territory is not: people of Puerto Rico hold United States
passports and the United States' missions help them; Antarctica has no people to hold one.
Hong Kong and Macao issue their own passports, but China's missions help their holders
abroad. Read from `data/nationality.csv` (one row per entry that is not a state, each with
its source; see `data/README.md`); every other entry is a state with its own nationality.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol, TypeVar

from embassies.countries.reference import DATA_DIR


@dataclass(frozen=True)
class Passport:
    """What the people of `code` hold and who helps them: `passport` is "" where no
    nationality goes with the entry (no permanent population, or none recognised)."""

    code: str
    passport: str
    helped_by: str
    source_url: str = ""

    @property
    def is_nationality(self) -> bool:
        """A nationality of its own, with its own passports: a state, Hong Kong or Macao."""
        return self.passport == self.code

    @property
    def helped_as_another(self) -> bool:
        """Whether another state's missions answer for this entry (PR: US; HK: CN)."""
        return bool(self.helped_by) and self.helped_by != self.code


@cache
def _rows() -> dict[str, Passport]:
    with (DATA_DIR / "nationality.csv").open(newline="", encoding="utf-8") as handle:
        return {
            row["code"]: Passport(row["code"], row["passport"], row["helped_by"], row["source_url"])
            for row in csv.DictReader(handle)
        }


def territories() -> dict[str, Passport]:
    """Every entry that is not a state with its own nationality, by code."""
    return dict(_rows())


def passport(code: str) -> Passport:
    """What the people of `code` hold; a code the file does not list is a state's own."""
    key = code.strip().upper()
    return _rows().get(key) or Passport(key, key, key)


def is_nationality(code: str) -> bool:
    return passport(code).is_nationality


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


C = TypeVar("C", bound=_Coded)


def citizenships(countries: Iterable[C]) -> list[C]:
    """The choices for "I am a citizen of", in the order given (lists are sorted elsewhere,
    for the page's language): every entry whose people hold a nationality. A territory's
    people may name it (Puerto Rico) and are answered as its state's citizens; an entry
    no one holds a nationality of (Antarctica, Bouvet Island) is no choice."""
    return [c for c in countries if passport(c.code).passport]
