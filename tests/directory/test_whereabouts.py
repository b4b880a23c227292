"""Where a mission is: a street address as given, a district alone as the district of its city
("Khamovniki District, Moscow"), never as if it were a street."""

from __future__ import annotations

import pytest

from embassies.directory.contact import Whereabouts, is_district, whereabouts


@pytest.mark.parametrize(
    ("address", "city"),
    [
        ("Khamovniki District", "Moscow"),
        ("Mitte", "Berlin"),
        ("Minato-ku", "Tokyo"),
        ("16th arrondissement of Paris", "Paris"),
        ("Budapest District VI", "Budapest"),
        ("Prague 1", "Prague"),
        ("Commune 5", "Abidjan"),
        ("Hatfield, Pretoria", "Pretoria"),
    ],
)
def test_a_place_name_without_a_house_number_is_a_district(address: str, city: str) -> None:
    assert is_district(address, city)


@pytest.mark.parametrize(
    ("address", "city"),
    [
        ("Starokonyushenny pereulok 23, 119002 Moscow", "Moscow"),
        ("Tverskaya 5", "Moscow"),
        ("1 Rue de Grenelle", "Paris"),
        ("", "Moscow"),
    ],
)
def test_a_street_with_a_house_number_is_no_district(address: str, city: str) -> None:
    assert not is_district(address, city)


def test_a_district_alone_is_shown_as_the_district_of_its_city() -> None:
    where = whereabouts("Khamovniki District", "Moscow")
    assert where == Whereabouts(street="", place="Khamovniki District, Moscow", city_known=True)
    assert where.line == "Khamovniki District, Moscow"


def test_a_district_named_after_its_city_is_not_followed_by_it_again() -> None:
    assert whereabouts("16th arrondissement of Paris", "Paris").place == (
        "16th arrondissement of Paris"
    )


def test_a_street_address_keeps_its_own_line_and_the_city_follows() -> None:
    where = whereabouts("Tverskaya 5", "Moscow")
    assert (where.street, where.place, where.line) == (
        "Tverskaya 5",
        "Moscow",
        "Tverskaya 5, Moscow",
    )
    named = whereabouts("Starokonyushenny pereulok 23, 119002 Moscow", "Moscow")
    assert named.line == "Starokonyushenny pereulok 23, 119002 Moscow"


def test_the_district_of_a_city_is_worded_as_the_language_says() -> None:
    arabic = whereabouts("Khamovniki District", "موسكو", "%(district)s، %(city)s")
    assert arabic.place == "Khamovniki District، موسكو"


def test_an_unknown_city_is_said_to_be_unknown() -> None:
    assert whereabouts("Mitte", "") == Whereabouts(street="", place="Mitte", city_known=False)
    assert not whereabouts("", "").city_known
