"""The forms a country's name takes inside a sentence, in the page's language.

Every sentence is one catalogue entry whose msgid is the English text; its placeholders are
filled here. English needs articles ("the Bahamas", from the list in data/en_names.csv), possessives ("Russia's") and demonyms
("Canadian"); other languages get the name in the form their translations were written for
(the CLDR name, or French "du Canada" / "au Canada" where a sentence asks for it). Alerts,
the finder and the pages all word countries through this module, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from embassies.directory import titles
from embassies.directory.models import short_kind_label

Form = Callable[[titles.CountryLike], str]


def english() -> bool:
    return titles.language_now() == "en"


def possessive(name: str) -> str:
    """ "Russia's", "the Bahamas'" written with U+2019, the typographic apostrophe of the
    templates and the catalogue; an s-ending name takes the apostrophe alone (house style)."""
    return f"{name}\u2019" if name.endswith("s") else f"{name}\u2019s"


def the(name: str, article: bool = True) -> str:
    """ "the US Department of State" inside an English sentence, where the name takes an
    article; the name alone in other languages, whose sentences keep it in English."""
    return f"the {name}" if english() and article else name


def sentence(text: str) -> str:
    """A capital first letter: a sentence may open with a placeholder ("the United States")."""
    return text[:1].upper() + text[1:]


def place(country: titles.CountryLike, other: Form | None = None) -> str:
    """ "the Bahamas" in English; elsewhere the CLDR name, or the form `other` gives (French
    titles.country_in carries its own "en"/"au", and its translations leave "in" out)."""
    if english():
        return titles.english_name(country)
    return (other or titles.country_name)(country)


def owner(country: titles.CountryLike, *, article: bool = True, other: Form | None = None) -> str:
    """ "the Bahamas'", "Russia's" (headings leave the article out) in English; elsewhere the
    name as `other` gives it: other languages say "of" in their translation, not here."""
    if english():
        return possessive(titles.english_name(country, article=article))
    return (other or titles.country_name)(country)


def name_owner(name: str) -> str:
    """The English possessive of a name that is no country (an issuer: "US Department of
    State's", with U+2019); other languages say "of" in their translation: the name as it is."""
    return possessive(name) if english() else name


def citizen(country: titles.CountryLike, other: Form | None = None) -> str:
    """ "Canadian", or "a citizen of Tuvalu" where no demonym is known, in English. Demonyms are
    stored in English only, so other languages name the country (in the form `other` gives)."""
    if not english():
        return (other or titles.country_name)(country)
    return getattr(country, "demonym", "") or f"a citizen of {titles.english_name(country)}"


def kind(mission: titles.MissionLike) -> str:
    """ "consulate general" inside an English sentence; the catalogue's label ("Consulat
    général") elsewhere, which translations place at the head of theirs."""
    if english():
        return short_kind_label(mission.kind).lower()
    return titles.kind_label(mission.kind)
