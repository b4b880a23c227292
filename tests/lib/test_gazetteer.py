"""Points and names resolve to real cities; districts to the city they belong to."""

import pytest

from embassies.lib import gazetteer


@pytest.mark.parametrize(
    ("lat", "lon", "country", "city"),
    [
        (55.74666667, 37.595, "RU", "Moscow"),  # Khamovniki District
        (52.5123, 13.4094, "DE", "Berlin"),  # Mitte
        (48.857778, 2.266611, "FR", "Paris"),  # 16th arrondissement
        (48.1500, 11.5700, "DE", "Munich"),  # Maxvorstadt
        (52.3906, 13.0645, "DE", "Potsdam"),  # a city of its own next to Berlin
        (43.1155, 131.8855, "RU", "Vladivostok"),
    ],
)
def test_point_resolves_to_its_city(lat: float, lon: float, country: str, city: str) -> None:
    found = gazetteer.city_for_point(lat, lon, country)
    assert found is not None and found.name == city


def test_point_in_the_sea_has_no_city() -> None:
    assert gazetteer.city_for_point(0.0, -30.0) is None
    assert gazetteer.country_at(0.0, -30.0) is None


def test_country_at_a_point() -> None:
    assert gazetteer.country_at(39.92, 32.85) == "TR"  # Ankara


@pytest.mark.parametrize(("name", "city"), [("Kiev", "Kyiv"), ("Kyiv", "Kyiv"), ("Київ", "Kyiv")])
def test_names_in_other_spellings_find_the_city(name: str, city: str) -> None:
    assert gazetteer.find_by_name(name, "UA")[0].name == city
    assert gazetteer.find_by_name(name)[0].name == city


LANGUAGES = ("en", "fr", "es", "ru", "ar")


@pytest.mark.parametrize("name", ["Ekaterinbourg", "يكاترنبيرج", "Екатеринбург"])
def test_places_are_named_in_cldrs_words_as_well_as_geonames(name: str) -> None:
    assert [c.name for c in gazetteer.places_named(name, "RU", LANGUAGES)] == ["Yekaterinburg"]


def test_places_named_keep_to_the_country() -> None:
    assert gazetteer.places_named("Yekaterinburg", "DE", LANGUAGES) == []
    assert [c.country for c in gazetteer.places_named("Hong Kong", "CN", LANGUAGES)] == ["HK"]


@pytest.mark.parametrize(
    ("name", "country", "city"),
    [("Bali", "ID", "Denpasar"), ("Bavière", "DE", "Munich"), ("California", "US", "Los Angeles")],
)
def test_a_region_is_placed_at_its_largest_city(name: str, country: str, city: str) -> None:
    region = gazetteer.region_named(name, country, LANGUAGES)
    assert region is not None and region.city.name == city


def test_a_region_of_another_country_is_not_found() -> None:
    assert gazetteer.region_named("Bali", "MY", LANGUAGES) is None
