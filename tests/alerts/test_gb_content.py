"""The FCDO's alert statuses on the common scale, and its country names placed without a guess."""

from __future__ import annotations

import pytest

from embassies.alerts.advisories.issuers import gb, gb_content
from embassies.alerts.advisories.items import AdvisoryFormatError, Item
from embassies.alerts.advisories.names import resolve_places
from embassies.alerts.advisories.resolve import resolve
from tests.alerts.gb_documents import (
    ALL_PARTS,
    ALL_WHOLE,
    ESSENTIAL_PARTS,
    ESSENTIAL_WHOLE,
    HAITI,
    index,
)


@pytest.mark.parametrize(
    ("statuses", "level", "parts_only"),
    [
        ([ALL_WHOLE], 4, False),
        ([ESSENTIAL_WHOLE], 3, False),
        ([], 1, False),
        # Parts only: the whole country is at 2, like a German partial warning, whatever the
        # parts' advice, so a border region never reads as "do not travel" to the country.
        ([ALL_PARTS], 2, True),
        ([ESSENTIAL_PARTS], 2, True),
        ([ESSENTIAL_PARTS, ALL_PARTS], 2, True),
        # The whole country's status sets the level; parts count only when stricter.
        ([ALL_PARTS, ESSENTIAL_WHOLE], 3, True),
        ([ESSENTIAL_PARTS, ESSENTIAL_WHOLE], 3, False),
        ([ALL_PARTS, ALL_WHOLE], 4, False),
    ],
)
def test_alert_statuses_map_onto_the_common_scale(
    statuses: list[str], level: int, parts_only: bool
) -> None:
    assert gb_content.level_of(statuses)[:2] == (level, parts_only)


def test_the_fcdos_words_name_every_status_present_worst_first() -> None:
    words = gb_content.level_of([ESSENTIAL_WHOLE, ALL_PARTS])[2]
    assert words == (
        "FCDO advises against all travel to parts of the country; "
        "FCDO advises against all but essential travel to the whole country"
    )
    assert gb_content.level_of([])[2] == "No FCDO advice against travel"


def test_an_unknown_or_misshapen_status_is_refused() -> None:
    with pytest.raises(AdvisoryFormatError, match="unknown status avoid_everything"):
        gb_content.level_of([ALL_WHOLE, "avoid_everything"])
    with pytest.raises(AdvisoryFormatError, match="not a list of strings"):
        gb_content.level_of([ALL_WHOLE, 4])


def test_parse_refuses_the_index_which_states_no_levels() -> None:
    with pytest.raises(AdvisoryFormatError, match="the UK index states no levels"):
        gb.parse(index([HAITI]))


def test_an_index_listing_more_countries_than_exist_is_refused() -> None:
    many = [HAITI] * (gb_content.MAX_COUNTRIES + 1)
    with pytest.raises(AdvisoryFormatError, match="more than 600 countries"):
        gb_content.index_entries(gb_content.document(index(many)))


# The FCDO's names for its pages: the 225 of GOV.UK's 2016 index, under their current
# names where they changed, and the pages added since. Each must name its countries whole.
FCDO_NAMES = """
Afghanistan|Albania|Algeria|American Samoa|Andorra|Angola|Anguilla|Antigua and Barbuda|Argentina|
Armenia|Aruba|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|
Belize|Benin|Bermuda|Bhutan|Bolivia|Bonaire/St Eustatius/Saba|Bosnia and Herzegovina|Botswana|
Brazil|Antarctica/British Antarctic Territory|British Antarctic Territory|
British Indian Ocean Territory|British Virgin Islands|Brunei|Bulgaria|Burkina Faso|
Myanmar (Burma)|Burma|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Cayman Islands|
Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|
Cuba|Curaçao|Cyprus|Czechia|Czech Republic|Democratic Republic of Congo|
Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|
El Salvador|Equatorial Guinea|Eritrea|Estonia|Ethiopia|Falkland Islands|Fiji|Finland|France|
French Guiana|French Polynesia|Gabon|The Gambia|Gambia|Georgia|Germany|Ghana|Gibraltar|Greece|
Grenada|Guadeloupe|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|
India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|
Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Macao|North Macedonia|Macedonia|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
Marshall Islands|Martinique|Mauritania|Mauritius|Mayotte|Mexico|Micronesia|Moldova|Monaco|
Mongolia|Montenegro|Montserrat|Morocco|Mozambique|Namibia|Nauru|Nepal|Netherlands|New Caledonia|
New Zealand|Nicaragua|Niger|Nigeria|North Korea|Norway|Oman|Pakistan|Palau|Panama|
Papua New Guinea|Paraguay|Peru|Philippines|Pitcairn Island|Poland|Portugal|Qatar|Réunion|Romania|
Russia|Rwanda|Samoa|San Marino|São Tomé and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|
Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|
South Georgia and the South Sandwich Islands|South Korea|South Sudan|Spain|Sri Lanka|
St Helena, Ascension and Tristan da Cunha|St Kitts and Nevis|St Lucia|St Maarten|
St Pierre & Miquelon|St Vincent and the Grenadines|Sudan|Suriname|Eswatini|Swaziland|Sweden|
Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Palestine|Timor-Leste|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Turks and Caicos Islands|Tuvalu|Uganda|Ukraine|
United Arab Emirates|USA|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Wallis and Futuna|
Western Sahara|Yemen|Zambia|Zimbabwe|Cook Islands, Tokelau and Niue|St Martin and St Barthélemy
"""


def _names() -> list[str]:
    return [name.strip() for name in FCDO_NAMES.replace("\n", "").split("|") if name.strip()]


def test_every_fcdo_country_name_places_its_countries_whole() -> None:
    names = _names()
    assert len(names) > 225
    unplaced = {name: resolve_places(name) for name in names}
    unplaced = {name: p for name, p in unplaced.items() if not p.codes or p.unread}
    assert unplaced == {}


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("Cook Islands, Tokelau and Niue", ("CK", "TK", "NU")),
        ("St Martin and St Barthélemy", ("MF", "BL")),
        ("Bonaire/St Eustatius/Saba", ("BQ",)),
        ("St Helena, Ascension and Tristan da Cunha", ("SH",)),
        ("Antarctica/British Antarctic Territory", ("AQ",)),
        ("St Maarten", ("SX",)),
        ("Palestine", ("PS",)),
        ("USA", ("US",)),
    ],
)
def test_combined_and_unusual_pages_name_the_right_countries(
    name: str, codes: tuple[str, ...]
) -> None:
    item = Item(f"{name} travel advice", name, 1, None, "", ("x",))
    found = resolve(item, gb.ISSUER)
    assert (found.codes, found.notes) == (codes, ())


def test_a_slug_places_a_page_whose_name_does_not() -> None:
    item = Item("Czechia travel advice", "Czechish", 1, None, "", ("czech-republic",))
    assert resolve(item, gb.ISSUER).codes == ("CZ",)
