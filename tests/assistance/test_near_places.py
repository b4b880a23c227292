"""`near` as people type it: a town, city or region of the host country in any of the site's
five languages, or LAT,LON; several places of one name are offered to choose from."""

from __future__ import annotations

import pytest
from django.utils import translation

from embassies.assistance.finder import FinderError
from embassies.assistance.points import locate, which_one
from embassies.countries.models import Country

pytestmark = pytest.mark.django_db


def country(code: str) -> Country:
    return Country.objects.get(code=code)


@pytest.mark.parametrize(
    "typed",
    [
        "Saint Petersburg",  # English
        "St. Petersburg",
        "Saint-Pétersbourg",  # French
        "San Petersburgo",  # Spanish
        "Санкт-Петербург",  # Russian
        "سانت بطرسبرغ",  # Arabic
    ],
)
def test_a_city_is_found_by_its_name_in_each_language(typed: str) -> None:
    near = locate(typed, country("RU"))
    assert near.place is not None and near.place.name == "Saint Petersburg"
    assert near.point == pytest.approx((59.94, 30.31), abs=0.05)
    assert near.choices == ()


@pytest.mark.parametrize("typed", ["Yekaterinburg", "Екатеринбург", "Ekaterinbourg", "يكاترنبيرج"])
def test_names_only_cldr_knows_are_found_too(typed: str) -> None:
    # "Ekaterinbourg" and "يكاترنبيرج" are CLDR's names of the city's time zone, not GeoNames'.
    near = locate(typed, country("RU"))
    assert near.place is not None and near.place.name == "Yekaterinburg"


def test_a_town_is_found() -> None:
    near = locate("Ubud", country("ID"))
    assert near.place is not None and near.place.name == "Ubud"
    assert near.point == pytest.approx((-8.51, 115.27), abs=0.05)


@pytest.mark.parametrize(
    ("typed", "code", "city"), [("Bali", "ID", "Denpasar"), ("Бавария", "DE", "Munich")]
)
def test_a_region_stands_at_its_largest_city(typed: str, code: str, city: str) -> None:
    near = locate(typed, country(code))
    assert near.place is not None and near.place.name == city and near.place.region


def test_several_places_of_one_name_are_offered_most_populous_first() -> None:
    near = locate("Alexandria", country("US"))
    assert near.point is None and near.place is None
    assert len(near.choices) >= 2 and {p.name for p in near.choices} == {"Alexandria"}
    populations = [p.population for p in near.choices]
    assert populations == sorted(populations, reverse=True)
    # Each choice is a point the finder takes as it is, in a link that needs no JavaScript.
    first = near.choices[0]
    assert locate(first.near, country("US")).point == pytest.approx(first.point, abs=1e-4)


def test_the_question_names_the_place_and_the_country() -> None:
    with translation.override("en"):
        question = which_one("Alexandria", country("US"))
    assert question == "Several places are called “Alexandria” in the United States. Which one?"


def test_an_unknown_place_is_refused_naming_it_and_the_country() -> None:
    with translation.override("en"), pytest.raises(FinderError) as error:
        locate("Atlantisgrad", country("RU"))
    assert error.value.field == "near"
    assert str(error.value) == "We don’t know a place called “Atlantisgrad” in Russia."


@pytest.mark.parametrize(
    ("typed", "code"), [("Yekaterinburg", "DE"), ("Ubud", "RU"), ("Bali", "FR")]
)
def test_a_place_in_another_country_is_not_taken(typed: str, code: str) -> None:
    with pytest.raises(FinderError) as error:
        locate(typed, country(code))
    assert error.value.field == "near"


def test_coordinates_are_taken_as_they_are() -> None:
    assert locate(" 43.1155,131.8855 ", country("RU")).point == (43.1155, 131.8855)
    assert locate("", country("RU")).point is None


@pytest.mark.parametrize("typed", ["999,999", "1,2,3", "55.7"])
def test_malformed_coordinates_are_refused_as_coordinates(typed: str) -> None:
    with translation.override("en"), pytest.raises(FinderError) as error:
        locate(typed, country("RU"))
    message = str(error.value)
    assert error.value.field == "near" and ("latitude" in message or "LAT,LON" in message)


def test_the_place_is_told_in_the_persons_own_words() -> None:
    assert locate("Санкт-Петербург", country("RU")).label == "Санкт-Петербург"
    assert locate("Bali", country("ID")).label == "Bali (Denpasar)"
