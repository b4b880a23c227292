"""Mission titles, kinds and names in each interface language.

A title is one catalogue entry (context "mission title"), English included: the fr, es, ru
and ar titles here need those entries translated in their catalogues."""

from __future__ import annotations

import csv

import pytest

from embassies.directory import titles
from embassies.directory.kinds import Kind
from embassies.directory.models import mission_title
from tests.countries.catalogues import french, reword_english

IN_CITY = "%(kind)s of %(sender)s in %(city)s, %(host)s"
IN_COUNTRY = "%(kind)s of %(sender)s in %(host)s"
Place, Office = titles.Named, titles.Office  # a mission read as plain values


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


@pytest.mark.parametrize(
    ("office", "title"),
    [
        (Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"), "Embassy of Canada in Moscow, Russia"),
        (Office(Kind.EMBASSY, CANADA, US), "Embassy of Canada in the United States"),
        (
            Office(Kind.SUBNATIONAL_OFFICE, CANADA, FRANCE, "Paris", "Quebec"),
            "Sub-national Government Office of Quebec in Paris, France",
        ),
        (
            Office(Kind.CONSULATE_GENERAL, US, EGYPT, "Cairo"),
            "Consulate General of the United States in Cairo, Egypt",
        ),
    ],
)
def test_english_titles_are_the_stored_titles(office: Office, title: str) -> None:
    """The page's English title is Mission.title, which the API and the CLI speak."""
    assert titles.title(office, "en") == title
    sending = titles.Named(office.sending.code, office.sending.name)
    host = titles.Named(office.host.code, office.host.name)
    stored = mission_title(office.kind, sending, host, office.city, office.sending_subdivision)
    assert stored == title


@pytest.mark.parametrize(
    ("sender", "title"),
    [
        (Place("US", "United States"), "Embassy of the United States in Moscow, Russia"),
        (Place("NL", "Netherlands"), "Embassy of the Netherlands in Moscow, Russia"),
        (
            Place("CD", "Congo - Kinshasa"),
            "Embassy of the Democratic Republic of the Congo in Moscow, Russia",
        ),
        (Place("GB", "United Kingdom"), "Embassy of the United Kingdom in Moscow, Russia"),
        (Place("PH", "Philippines"), "Embassy of the Philippines in Moscow, Russia"),
        (
            Place("BA", "Bosnia & Herzegovina"),
            "Embassy of Bosnia and Herzegovina in Moscow, Russia",
        ),
        (Place("CA", "Canada"), "Embassy of Canada in Moscow, Russia"),
    ],
)
def test_english_titles_name_the_sender_as_a_sentence_does(sender: Place, title: str) -> None:
    assert titles.title(Office(Kind.EMBASSY, sender, RUSSIA, "Moscow"), "en") == title


def test_a_host_after_its_city_drops_the_article_and_keeps_it_alone() -> None:
    washington = Office(Kind.EMBASSY, CANADA, US, "Washington")
    assert titles.title(washington, "en") == "Embassy of Canada in Washington, United States"
    assert titles.title(Office(Kind.EMBASSY, CANADA, US), "en").endswith("in the United States")


def test_every_english_name_says_why_it_differs_from_cldr() -> None:
    with titles.ENGLISH_NAMES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["code"] and row["name"] and row["reason"] for row in rows)
    assert len({row["code"] for row in rows}) == len(rows)  # one decision per country


def test_every_english_title_writes_consulate_general_one_way() -> None:
    for sender in (CANADA, US, FRANCE):
        for city in ("Cairo", ""):
            text = titles.title(Office(Kind.CONSULATE_GENERAL, sender, EGYPT, city), "en")
            assert text.startswith("Consulate General of ")


Accredited = Office  # with its accredited_codes given
ITALY, HOLY_SEE = Place("IT", "Italy"), Place("VA", "Vatican City")


def test_a_mission_to_the_holy_see_is_titled_as_such_beside_the_embassy_to_italy() -> None:
    to_italy = Accredited(Kind.EMBASSY, CANADA, ITALY, "Rome", accredited_codes=("SM",))
    to_holy_see = Accredited(Kind.EMBASSY, CANADA, ITALY, "Rome", accredited_codes=("VA",))
    assert titles.title(to_italy, "en") == "Embassy of Canada in Rome, Italy"
    assert titles.title(to_holy_see, "en") == "Embassy of Canada to the Holy See"
    assert titles.kind_in_city(to_holy_see, "en") == "Embassy to the Holy See"


def test_a_mission_hosted_by_the_holy_see_is_titled_to_it() -> None:
    office = Office(Kind.EMBASSY, FRANCE, HOLY_SEE, "Vatican City")
    assert titles.title(office, "en") == "Embassy of France to the Holy See"


def test_a_mission_with_no_known_city_says_so_in_lists() -> None:
    assert titles.kind_in_city(Office(Kind.EMBASSY, CANADA, RUSSIA), "en") == (
        "Embassy, city not known"
    )


def test_english_titles_are_read_from_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """No English-only branch: an English entry rewords English titles as any language's."""
    reword_english(
        monkeypatch,
        {
            ("mission title", IN_CITY): "%(kind)s (%(sender)s), %(city)s",
            ("mission title", IN_COUNTRY): "%(kind)s (%(sender)s), %(host)s",
        },
    )
    assert titles.title(Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"), "en") == (
        "Embassy (Canada), Moscow"
    )
    assert titles.title(Office(Kind.EMBASSY, CANADA, RUSSIA), "en") == "Embassy (Canada), Russia"


def test_french_titles_are_the_catalogue_translation() -> None:
    """Needs the fr translations of both "mission title" entries."""
    moscow = titles.title(Office(Kind.EMBASSY, CANADA, RUSSIA, "Moscow"), "fr")
    assert moscow == french(IN_CITY, "mission title") % {
        "kind": "Ambassade",
        "sender": "du Canada",
        "city": "à Moscou",
        "host": "en Russie",
    }
    washington = titles.title(Office(Kind.EMBASSY, CANADA, US), "fr")
    assert washington == french(IN_COUNTRY, "mission title") % {
        "kind": "Ambassade",
        "sender": "du Canada",
        "host": "aux États-Unis",
    }
    assert " of " not in moscow + washington and " in " not in moscow + washington


def test_a_french_title_without_french_forms_says_de_and_en() -> None:
    """Needs the fr translation of the "mission title" entry without a city."""
    office = Office(Kind.EMBASSY, Place("XY", "Nowhere"), Place("XZ", "Elsewhere"))
    assert titles.title(office, "fr") == "Ambassade de Nowhere en Elsewhere"


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar"])
def test_a_holy_see_title_in_another_language_never_shows_english(language: str) -> None:
    """Translated or not yet, the title reads in its language: an untranslated new entry
    falls back to the language's title in Rome, never to English words."""
    to_holy_see = Accredited(Kind.EMBASSY, CANADA, ITALY, "Rome", accredited_codes=("VA",))
    text = titles.title(to_holy_see, language)
    assert " of " not in text and " to " not in text and "Holy See" not in text
