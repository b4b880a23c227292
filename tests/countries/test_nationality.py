"""Every ISO 3166-1 entry is a nationality or says, with its source, whose passport its
people hold; Antarctica and the uninhabited islands are no one's nationality."""

from __future__ import annotations

import pycountry
import pytest

from embassies.countries import nationality, reference


@pytest.mark.parametrize("entry", list(pycountry.countries), ids=lambda c: c.alpha_2)
def test_every_iso_entry_is_a_nationality_or_maps_to_one_with_a_source(entry: object) -> None:
    code = entry.alpha_2  # type: ignore[attr-defined]
    facts = reference.get(code)
    assert facts is not None
    held = nationality.passport(code)
    if facts.is_state:
        assert held.is_nationality and code not in nationality.territories()
        return
    row = nationality.territories()[code]
    assert row.source_url.startswith("https://")
    if row.passport:
        helper = reference.get(row.helped_by)
        assert helper is not None and helper.is_state
        passport_state = reference.get(row.passport)
        assert row.passport == code or (passport_state is not None and passport_state.is_state)


@pytest.mark.parametrize(
    ("territory", "state"),
    [
        ("PR", "US"),
        ("GU", "US"),
        ("VI", "US"),
        ("AS", "US"),
        ("GL", "DK"),
        ("FO", "DK"),
        ("AW", "NL"),
        ("CW", "NL"),
        ("SX", "NL"),
        ("BQ", "NL"),
        ("RE", "FR"),
        ("GP", "FR"),
        ("NC", "FR"),
        ("PF", "FR"),
        ("YT", "FR"),
        ("GI", "GB"),
        ("BM", "GB"),
        ("JE", "GB"),
        ("CK", "NZ"),
        ("AX", "FI"),
        ("CX", "AU"),
    ],
)
def test_people_of_a_territory_are_helped_by_the_state_whose_passport_they_hold(
    territory: str, state: str
) -> None:
    held = nationality.passport(territory)
    assert (held.passport, held.helped_by) == (state, state)
    assert not held.is_nationality and held.helped_as_another


@pytest.mark.parametrize("code", ["AQ", "BV", "HM", "GS", "TF", "UM", "EH"])
def test_antarctica_and_uninhabited_islands_are_no_one_s_nationality(code: str) -> None:
    held = nationality.passport(code)
    assert held.passport == "" and not nationality.is_nationality(code)


@pytest.mark.parametrize("code", ["HK", "MO"])
def test_hong_kong_and_macao_keep_their_own_entry_with_china_s_consular_help(code: str) -> None:
    held = nationality.passport(code)
    assert nationality.is_nationality(code)
    assert held.passport == code and held.helped_by == "CN"


def test_a_state_is_its_own_nationality() -> None:
    held = nationality.passport("ee")
    assert (held.passport, held.helped_by) == ("EE", "EE") and not held.helped_as_another


def test_the_citizenship_list_drops_entries_no_one_is_a_citizen_of_in_the_order_given() -> None:
    entries = [reference.get(code) for code in ("US", "AQ", "HK", "PR", "BV", "CA", "XK")]
    kept = nationality.citizenships(e for e in entries if e is not None)
    assert [e.code for e in kept] == ["US", "HK", "PR", "CA", "XK"]
