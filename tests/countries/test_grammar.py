"""The forms a country's name takes inside a sentence: English articles, possessives and
demonyms; in other languages the name in the form their translations were written for."""

from __future__ import annotations

import pytest
from django.utils import translation

from embassies.alerts import banners, levels, raising
from embassies.alerts.templatetags import alerts as alert_tags
from embassies.countries import grammar
from embassies.countries.models import Country
from embassies.directory import titles

pytestmark = pytest.mark.django_db


def c(code: str) -> Country:
    return Country.objects.get(code=code)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Russia", "Russia’s"), ("Bahamas", "Bahamas’"), ("the United States", "the United States’")],
)
def test_possessive_uses_the_typographic_apostrophe(name: str, expected: str) -> None:
    assert grammar.possessive(name) == expected and "'" not in grammar.possessive(name)


def test_english_forms() -> None:
    with translation.override("en"):
        assert grammar.place(c("BS")) == "the Bahamas" and grammar.place(c("CA")) == "Canada"
        assert grammar.owner(c("US")) == "the United States’"
        assert grammar.owner(c("US"), article=False) == "United States’"  # headings
        assert grammar.citizen(c("CA")) == "Canadian"


def test_citizen_without_a_demonym_is_a_citizen_of_the_country() -> None:
    tuvalu = c("TV")
    tuvalu.demonym = ""
    with translation.override("en"):
        assert grammar.citizen(tuvalu) == "a citizen of Tuvalu"


def test_other_languages_get_the_form_their_sentence_asks_for() -> None:
    with translation.override("fr"):
        assert grammar.place(c("RU")) == "Russie"
        assert grammar.place(c("RU"), other=titles.country_in) == "en Russie"
        assert grammar.owner(c("CA"), article=False, other=titles.country_of) == "du Canada"
        assert grammar.citizen(c("CA")) == "Canada"  # demonyms are stored in English only


def test_alerts_word_countries_with_the_same_helpers_as_the_finder() -> None:
    """One module for both apps: the alerts no longer reach into assistance for grammar."""
    assert banners.place is grammar.place and levels.place is grammar.place
    assert raising.grammar is grammar and alert_tags.place is grammar.place


def test_a_name_that_is_no_country_takes_the_english_possessive_in_english_only() -> None:
    with translation.override("en"):
        assert grammar.name_owner("US Department of State") == "US Department of State’s"
    with translation.override("fr"):
        assert grammar.name_owner("US Department of State") == "US Department of State"
