"""reference: every ISO country, its names in many languages, demonyms, aliases and QIDs."""

from __future__ import annotations

import csv

import pycountry
import pytest

from embassies.countries import reference
from embassies.lib.text import normalize
from tests.conftest import open_snapshot

EU = {
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
}


def test_every_iso_code_plus_kosovo_is_present() -> None:
    codes = {facts.code for facts in reference.all_countries()}
    assert codes == {country.alpha_2 for country in pycountry.countries} | {"XK"}


def test_countries_are_sorted_by_name() -> None:
    names = [facts.name for facts in reference.all_countries()]
    assert names[0] == "Afghanistan"
    assert names.index("Russia") < names.index("Rwanda")


def test_get_accepts_alpha2_and_alpha3_in_any_case() -> None:
    assert reference.get("ru") == reference.get("RUS") == reference.get("RU")
    assert reference.get("xk") is not None
    assert reference.get("ZZ") is None


def test_english_name_and_official_name() -> None:
    russia = reference.get("RU")
    assert russia is not None
    assert (russia.name, russia.official_name, russia.alpha3) == ("Russia", "Russia", "RUS")
    assert reference.get("US").name == "United States"  # type: ignore[union-attr]
    assert reference.get("CZ").name == "Czechia"  # type: ignore[union-attr]
    assert reference.get("KR").official_name == "Republic of Korea"  # type: ignore[union-attr]


def test_names_in_the_main_languages() -> None:
    germany = reference.get("DE")
    assert germany is not None
    for language in ("en", "fr", "es", "ru", "ar", "de", "it", "pt", "nl", "zh", "ja"):
        assert germany.names[language]


@pytest.mark.parametrize("name", ["Allemagne", "Alemania", "Германия", "ألمانيا", "Deutschland"])
def test_foreign_names_resolve(name: str) -> None:
    assert reference.resolve_name(name) == "DE"


@pytest.mark.parametrize(
    ("demonym", "code"),
    [
        ("Canadian", "CA"),
        ("Dutch", "NL"),
        ("Emirati", "AE"),
        ("Ivorian", "CI"),
        ("American", "US"),
        ("British", "GB"),
        ("Swiss", "CH"),
        ("Filipino", "PH"),
        ("Philippine", "PH"),
        ("Nigerian", "NG"),
        ("Nigerien", "NE"),
    ],
)
def test_demonyms_resolve(demonym: str, code: str) -> None:
    assert reference.resolve_name(demonym) == code


def test_main_demonym_comes_first() -> None:
    assert reference.get("NL").demonym == "Dutch"  # type: ignore[union-attr]
    assert "Philippine" in reference.get("PH").adjectives  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("Swaziland", "SZ"),
        ("Burma", "MM"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("cote d ivoire", "CI"),
        ("Czech Republic", "CZ"),
        ("East Timor", "TL"),
        ("Cape Verde", "CV"),
        ("Holy See", "VA"),
        ("Macedonia", "MK"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("USA", "US"),
        ("us", "US"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("UAE", "AE"),
        ("DRC", "CD"),
        ("PRC", "CN"),
        ("ROC", "TW"),
        ("DPRK", "KP"),
        ("Russian Federation", "RU"),
        ("Republic of Korea", "KR"),
    ],
)
def test_former_and_alternative_names_resolve(alias: str, code: str) -> None:
    assert reference.resolve_name(alias) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Congo", "CG"),
        ("Guinea", "GN"),
        ("Korea", "KR"),
        ("Georgia", "GE"),
        ("Dominica", "DM"),
        ("Dominican Republic", "DO"),
        ("Niger", "NE"),
        ("Nigeria", "NG"),
    ],
)
def test_shared_or_close_names_go_where_decided(name: str, code: str) -> None:
    assert reference.resolve_name(name) == code


def test_every_shared_name_has_a_decision() -> None:
    assert reference.ambiguous_names() == {}


@pytest.mark.parametrize("text", ["Virgin Islands", "Atlantis", "", "embassy", "man"])
def test_unknown_or_ambiguous_names_do_not_resolve(text: str) -> None:
    assert reference.resolve_name(text) is None


def test_name_index_keys_are_normalised() -> None:
    index = reference.name_index()
    assert index["cote d ivoire"] == "CI"
    assert all(key == normalize(key) for key in index)


def test_eu_has_exactly_the_27_member_states() -> None:
    assert {facts.code for facts in reference.all_countries() if facts.is_eu} == EU


def test_states_and_territories() -> None:
    states = {facts.code for facts in reference.all_countries() if facts.is_state}
    assert len(states) == 193 + 4
    assert {"VA", "PS", "TW", "XK"} <= states
    assert not {"PR", "GL", "HK", "EH", "AQ"} & states


@pytest.mark.parametrize(
    ("code", "capital", "seat"),
    [
        ("NL", "Amsterdam", "The Hague"),
        ("CH", "Bern", "Bern"),
        ("BO", "Sucre", "La Paz"),
        ("CI", "Yamoussoukro", "Abidjan"),
        ("MY", "Kuala Lumpur", "Putrajaya"),
        ("BJ", "Porto-Novo", "Cotonou"),
        ("ZA", "Pretoria", "Pretoria"),
    ],
)
def test_capital_and_seat_of_government(code: str, capital: str, seat: str) -> None:
    facts = reference.get(code)
    assert facts is not None
    assert (facts.capital, facts.seat_of_government) == (capital, seat)


@pytest.mark.parametrize(
    ("qid", "code"),
    [
        ("Q16", "CA"),
        ("Q159", "RU"),
        ("http://www.wikidata.org/entity/Q30", "US"),
        ("Q145", "GB"),
        ("Q29999", "NL"),
        ("Q756617", "DK"),
        ("Q159583", "VA"),
        ("Q237", "VA"),
        ("q1246", "XK"),
        ("Q1231", "XK"),
    ],
)
def test_qids_map_to_codes(qid: str, code: str) -> None:
    assert reference.code_for_qid(qid) == code


def test_main_qid_is_among_all_qids_and_no_qid_is_shared() -> None:
    countries = reference.all_countries()
    assert all(facts.wikidata in facts.qids for facts in countries)
    qids = [qid for facts in countries for qid in facts.qids]
    assert len(qids) == len(set(qids))


def _snapshot_pairs(label_column: str, qid_column: str) -> set[tuple[str, str]]:
    """(label, QID) pairs of one column pair of the Wikidata snapshot."""
    with open_snapshot() as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    pairs: set[tuple[str, str]] = set()
    for row in rows:
        labels, qids = row[label_column].split("|"), row[qid_column].split("|")
        pairs.update(zip(labels, (q.rsplit("/", 1)[-1] for q in qids), strict=True))
    return pairs - {("", "")}


# Senders in the snapshot that are not countries: they must stay unmapped.
NOT_COUNTRIES = {
    "Abkhazia",
    "South Ossetia",
    "Turkish Republic of Northern Cyprus",
    "Somaliland",
    "Sahrawi Arab Democratic Republic",
    "Sovereign Military Order of Malta",
    "Central Tibetan Administration",
    "European Parliament",
    "Indigenous Australians",
    "Ministry of Foreign Affairs",
    "Quebec",
    "Saxony",
    "Government of New Mexico",
}


def test_every_state_operating_a_mission_in_the_snapshot_maps() -> None:
    pairs = _snapshot_pairs("operator", "operatorQID")
    unmapped = {label for label, qid in pairs if reference.code_for_qid(qid) is None}
    assert unmapped == NOT_COUNTRIES


def test_snapshot_country_labels_agree_with_their_qids() -> None:
    pairs = _snapshot_pairs("country", "countryQID")
    for label, qid in pairs:
        by_name = reference.resolve_name(label)
        assert by_name is None or reference.code_for_qid(qid) == by_name, (label, qid)


@pytest.mark.parametrize(
    ("qid", "label"),
    [
        ("Q31354462", "Abkhazia"),
        ("Q23427", "South Ossetia"),
        ("Q23681", "Turkish Republic of Northern Cyprus"),
        ("Q52062", "Nordic countries"),
        ("Q2724951", "Portuguese colonization of the Americas"),
        ("Q1065", "United Nations"),
        ("Q7809", "UNESCO"),
        ("Q7159", "African Union"),
        ("Q458", "European Union"),
        ("Q980", "Bavaria"),
        ("Q22", "Scotland"),
        ("Q176", "Quebec"),
    ],
)
def test_non_states_do_not_map(qid: str, label: str) -> None:
    assert reference.code_for_qid(qid) is None, label


def test_sub_national_senders_map_to_their_country() -> None:
    assert reference.subnational_for_qid("Q176") == ("CA", "Quebec")
    assert reference.subnational_for_qid("http://www.wikidata.org/entity/Q1202") == (
        "DE",
        "Saxony",
    )
    assert reference.subnational_for_qid("Q159") is None


def test_every_sub_national_operator_in_the_snapshot_is_listed() -> None:
    pairs = _snapshot_pairs("operator", "operatorQID")
    listed = {label for label, qid in pairs if reference.subnational_for_qid(qid)}
    assert listed == {"Quebec", "Saxony", "Government of New Mexico"}
