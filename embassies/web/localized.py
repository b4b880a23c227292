"""Page wording that depends on the language's grammar, not only on a catalogue lookup."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import TypeVar

from django.utils.translation import get_language, gettext

from embassies.directory import titles
from embassies.web import present

C = TypeVar("C", bound=titles.CountryLike)


def _english() -> bool:
    return titles.language_now() == "en"


def abroad_heading(country: titles.CountryLike) -> str:
    """English keeps its possessive ("Russia's embassies and consulates abroad"); other
    languages say "of" in their own way."""
    if _english():
        return f"{present.possessive(country.name)} embassies and consulates abroad"
    return gettext("Embassies and consulates of %(country)s abroad") % {
        "country": titles.country_of(country)
    }


def abroad_description(country: titles.CountryLike, count: int) -> str:
    if _english():
        return (
            f"Addresses, phone numbers and maps of {present.possessive(country.name)} "
            f"{count} embassies and consulates abroad."
        )
    return gettext(
        "Addresses, phone numbers and maps of the %(count)s embassies and consulates "
        "of %(country)s abroad."
    ) % {"count": count, "country": titles.country_of(country)}


def sorted_by_name(countries: Iterable[C]) -> list[C]:
    """Countries in the alphabetical order of their names in the page's language."""
    language = get_language() or "en"
    return sorted(countries, key=lambda c: titles.country_name(c, language).casefold())


def letter(name: str) -> str:
    """'Å' -> 'A', 'Égypte' -> 'E'; a letter of another script stays itself (Russian, Arabic)."""
    return present.letter(name) if present.letter(name) != "#" else (name[:1].upper() or "#")


def by_letter(rows: list[present.Row]) -> list[tuple[str, list[present.Row]]]:
    """[("A", [(Afghanistan, counts), ...]), ...] under the names of the page's language."""
    language = get_language() or "en"
    named = [(titles.country_name(row[0], language), row) for row in rows]
    named.sort(key=lambda pair: (letter(pair[0]), pair[0].casefold()))
    return [
        (key, [row for _, row in group])
        for key, group in groupby(named, key=lambda p: letter(p[0]))
    ]
