"""Page wording whose country names take the language's grammar (countries.grammar)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import TypeVar

from django.utils.translation import get_language, gettext

from embassies.countries import grammar
from embassies.directory import titles
from embassies.web import present

C = TypeVar("C", bound=titles.CountryLike)


def abroad_heading(country: titles.CountryLike) -> str:
    """ "Russia's embassies and consulates abroad"; French "Ambassades et consulats de la
    Russie à l'étranger" (its %(country)s brings its own "de la")."""
    names = {"country": grammar.owner(country, article=False, other=titles.country_of)}
    # Translators: %(country)s is the English possessive ("Russia’s"); in your language it is
    # the name as it follows "of" (French "de la Russie").
    return gettext("%(country)s embassies and consulates abroad") % names


def abroad_description(country: titles.CountryLike, count: int) -> str:
    names = {
        "country": grammar.owner(country, article=False, other=titles.country_of),
        "count": count,
    }
    return (
        gettext(
            # Translators: %(country)s is the English possessive ("Russia’s"); in your language
            # it is the name as it follows "of" (French "de la Russie").
            "Addresses, phone numbers and maps of %(country)s %(count)s embassies and "
            "consulates abroad."
        )
        % names
    )


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
