"""Import: a row hosted by an entity its state does not control becomes a mission of that
state with `territory` set (not a rejection); a row in such an entity by city item, city name
or coordinates too; a row without coordinates is placed at its city's centre, marked
approximate; a row with no city label is placed nowhere."""

from __future__ import annotations

from embassies.countries import territories
from embassies.directory.importing.records import COLUMNS, MissionRecord, parse_row
from embassies.lib import gazetteer

WD = "http://www.wikidata.org/entity/"


def row(**values: str) -> dict[str, str]:
    base = dict.fromkeys(COLUMNS, "")
    base |= {"operator": "Russia", "operatorQID": f"{WD}Q159", "type": "embassy", "QID": f"{WD}Q1"}
    return base | values


def parse(**values: str) -> MissionRecord:
    return parse_row(row(**values))


def test_a_host_the_state_does_not_control_becomes_the_state_with_a_territory() -> None:
    record = parse(
        country="Republic of Abkhazia",
        countryQID=f"{WD}Q31354462",
        city="Sukhumi",
        cityQID=f"{WD}Q40811",
        latitude="42.9979",
        longitude="41.0139",
    )
    assert (record.host, record.territory) == ("GE", "Abkhazia")


def test_northern_cyprus_by_its_host_item_without_a_polygon() -> None:
    record = parse(
        operator="Turkey",
        operatorQID=f"{WD}Q43",
        country="Turkish Republic of Northern Cyprus",
        countryQID=f"{WD}Q23681",
        city="North Nicosia",
        cityQID=f"{WD}Q2762100",
        latitude="35.182937",
        longitude="33.359417",
    )
    assert (record.host, record.territory) == ("CY", "Northern Cyprus")


def test_an_embassy_in_nicosia_south_of_the_green_line_has_no_territory() -> None:
    record = parse(
        operator="United Kingdom",
        operatorQID=f"{WD}Q145",
        country="Cyprus",
        countryQID=f"{WD}Q229",
        city="Nicosia",
        cityQID=f"{WD}Q3856",
        latitude="35.18229",
        longitude="33.34715",
    )
    assert (record.host, record.territory) == ("CY", "")


def test_a_city_item_in_the_territory_marks_it_even_under_the_recognised_host() -> None:
    record = parse(
        operator="Taiwan",
        operatorQID=f"{WD}Q865",
        country="Somalia",
        countryQID=f"{WD}Q1045",
        city="Hargeisa",
        cityQID=f"{WD}Q168652",
    )
    assert (record.host, record.territory) == ("SO", "Somaliland")


def test_coordinates_in_a_territory_mark_it() -> None:
    record = parse(
        country="Ukraine",
        countryQID=f"{WD}Q212",
        city="Simferopol",
        latitude="44.95",
        longitude="34.1",
    )
    assert (record.host, record.territory) == ("UA", "Crimea")


def test_no_polygon_touches_its_states_capital() -> None:
    capitals = {
        "GE": "Tbilisi",
        "CY": "Nicosia",
        "MD": "Chisinau",
        "AZ": "Baku",
        "SO": "Mogadishu",
        "UA": "Kyiv",
    }
    for territory in territories.all_territories():
        capital = capitals.get(territory.state)
        if capital and territory.polygon:
            city = gazetteer.find_by_name(capital, territory.state)[0]
            assert territories.locate(territory.state, point=(city.lat, city.lon)) is None


def test_a_mission_without_coordinates_is_placed_at_its_city_centre() -> None:
    record = parse(country="France", countryQID=f"{WD}Q142", city="Lyon")
    lyon = gazetteer.find_by_name("Lyon", "FR")[0]
    assert (record.lat, record.lon, record.position_approximate) == (lyon.lat, lyon.lon, True)


def test_district_and_municipality_labels_resolve_to_their_city() -> None:
    for label, host_qid, host, city in [
        ("6th arrondissement of Lyon", "Q142", "FR", "Lyon"),
        ("Sofia Capital Municipality", "Q219", "BG", "Sofia"),
        ("Hatfield, Pretoria", "Q258", "ZA", "Pretoria"),
        ("Hong Kong", "Q148", "CN", "Hong Kong"),
    ]:
        record = parse(country=host, countryQID=f"{WD}{host_qid}", city=label)
        assert (record.host, record.city, record.position_approximate) == (host, city, True)


def test_precise_coordinates_are_not_approximate() -> None:
    record = parse(
        country="France", countryQID=f"{WD}Q142", city="Paris", latitude="48.87", longitude="2.3"
    )
    assert (record.lat, record.position_approximate) == (48.87, False)


def test_no_city_label_no_place() -> None:
    record = parse(country="France", countryQID=f"{WD}Q142")
    assert (record.lat, record.lon, record.position_approximate) == (None, None, False)
