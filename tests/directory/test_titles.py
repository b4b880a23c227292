"""Mission titles, kinds and names in each interface language."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from embassies.directory import titles
from embassies.directory.kinds import Kind


@dataclass(frozen=True)
class Place:
    code: str
    name: str


@dataclass(frozen=True)
class Office:
    kind: str
    sending: Place
    host: Place
    city: str = ""
    sending_subdivision: str = ""


CANADA, RUSSIA, EGYPT = Place("CA", "Canada"), Place("RU", "Russia"), Place("EG", "Egypt")
US, FRANCE, ISRAEL = Place("US", "United States"), Place("FR", "France"), Place("IL", "Israel")


@pytest.mark.parametrize(
    ("office", "language", "title"),
    [
        (Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"), "fr", "Ambassade du Canada à Moscou"),
        (Office(Kind.EMBASSY, FRANCE, CANADA, "Ottawa"), "fr", "Ambassade de la France à Ottawa"),
        (Office(Kind.CONSULATE, US, EGYPT, "Cairo"), "fr", "Consulat des États-Unis au Caire"),
        (Office(Kind.EMBASSY, ISRAEL, RUSSIA, "Moscow"), "fr", "Ambassade d’Israël à Moscou"),
        (Office(Kind.EMBASSY, CANADA, US), "fr", "Ambassade du Canada aux États-Unis"),
        (Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"), "es", "Embajada de Canadá en Moscú"),
        (Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"), "ru", "Посольство: Канада, Москва"),
        (Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"), "ar", "سفارة كندا في موسكو"),
        (
            Office(Kind.CONSULATE_GENERAL, US, RUSSIA, "Moscow"),
            "ar",
            "القنصلية العامة للولايات المتحدة في موسكو",
        ),
        (
            Office(Kind.CONSULATE_GENERAL, CANADA, EGYPT, "Cairo"),
            "ar",
            "القنصلية العامة لكندا في القاهرة",
        ),
        (
            Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"),
            "en",
            "Embassy of Canada in Moscow, Russia",
        ),
    ],
)
def test_titles(office: Office, language: str, title: str) -> None:
    assert titles.title(office, language) == title


def test_a_city_cldr_does_not_name_stays_as_stored() -> None:
    assert titles.city_name("Vladivostok", "RU", "fr") == "Vladivostok"
    assert titles.city_name("Nowhere Town", "RU", "ru") == "Nowhere Town"


def test_a_russian_title_without_a_city_names_the_host() -> None:
    office = Office(Kind.EMBASSY, CANADA, RUSSIA)
    assert titles.title(office, "ru") == "Посольство: Канада, страна пребывания — Россия"


def test_sub_national_senders_keep_their_name() -> None:
    office = Office(Kind.SUBNATIONAL_OFFICE, CANADA, FRANCE, "Paris", "Quebec")
    assert (
        titles.title(office, "fr") == "Bureau d’un gouvernement régional du Canada (Quebec) à Paris"
    )


def test_list_labels() -> None:
    office = Office(Kind.EMBASSY, CANADA, EGYPT, "Cairo")
    assert titles.kind_in_city(office, "en") == "Embassy in Cairo"
    assert titles.kind_in_city(office, "fr") == "Ambassade au Caire"
    assert titles.kind_in_city(office, "es") == "Embajada en El Cairo"
    assert titles.kind_in_city(office, "ru") == "Посольство (Каир)"


def test_french_prepositions_file_covers_every_country() -> None:
    forms = titles.french_forms()
    assert len(forms) >= 249
    assert (forms["CA"].of, forms["CA"].in_) == ("du Canada", "au Canada")
    assert (forms["RU"].of, forms["RU"].in_) == ("de la Russie", "en Russie")
    assert (forms["AF"].of, forms["AF"].in_) == ("de l’Afghanistan", "en Afghanistan")
    assert (forms["NL"].of, forms["NL"].in_) == ("des Pays-Bas", "aux Pays-Bas")
    assert (forms["CU"].of, forms["CU"].in_) == ("de Cuba", "à Cuba")
    assert titles.country_in(RUSSIA, "fr") == "en Russie"
    assert titles.country_in(RUSSIA, "es") == "Rusia"


def test_country_names_come_from_cldr() -> None:
    assert titles.country_name(RUSSIA, "ar") == "روسيا"
    assert titles.country_name(RUSSIA, "en") == "Russia"
    assert titles.country_name(Place("XY", "Nowhere"), "fr") == "Nowhere"
