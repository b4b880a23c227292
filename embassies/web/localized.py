"""Page wording whose country names take the language's grammar (countries.grammar)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.utils.translation import gettext

from embassies.countries import grammar
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.search import index
from embassies.lib import collation
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
    """Countries in the alphabetical order of their names in the page's language (CLDR's
    collation for it: "Côte d'Ivoire" among the Cs, Russian and Arabic in their own order)."""
    language = titles.language_now()
    return collation.sorted_by(countries, lambda c: titles.country_name(c, language), language)


def every_country() -> list[Country]:
    """Every country, sorted as sorted_by_name sorts them: read and sorted once per language
    for each generation of the data (the search snapshot's), not on each finder answer."""
    snapshot = index.current()
    language = titles.language_now()
    return snapshot.derived(
        ("countries by name", language), lambda: sorted_by_name(snapshot.countries().values())
    )


def by_letter(rows: list[present.Row]) -> list[tuple[str, list[present.Row]]]:
    """[("A", [(Afghanistan, counts), ...]), ...] under the names of the page's language, each
    under the letter its language's index files it (every Arabic alef under the bare one)."""
    language = titles.language_now()
    return collation.by_heading(rows, lambda row: titles.country_name(row[0], language), language)
