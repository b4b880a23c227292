"""The tagger on agency copy: datelines, names that are not places, where the story happens,
and countries named only in passing. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from embassies.news.tagging import tag_text
from embassies.news.tagging.context import find_datelines


def concerned(text: str, title: str = "") -> list[str]:
    return [c.code for c in tag_text(text, title=title).concerned()]


def passing(text: str, title: str = "") -> list[str]:
    return [c.code for c in tag_text(text, title=title).countries if c.passing]


@pytest.mark.parametrize(
    ("text", "place", "story"),
    [
        ("KYIV, Ukraine (AP) — Drones struck overnight.", "KYIV, Ukraine", "Drones"),
        ("AMMAN - The king met envoys on Monday.", "AMMAN", "The king"),
        ("Wellington/New Delhi, Mar 10 (UNI) Talks opened.", "Wellington/New Delhi", "Talks"),
        ("Moscow: The ministry said on Friday.", "Moscow", "The ministry"),
        ("MOSCOU, 7 décembre (AFP) - Le ministère a indiqué.", "MOSCOU", "Le"),
        ("МОСКВА, 7 декабря. /ТАСС/. Министерство сообщило.", "МОСКВА", "Министерство"),
        ("SANTA FE, N.M. (AP) — The governor signed it.", "SANTA FE, N.M.", "The governor"),
        ("Cairo (AFP) – The minister arrived.", "Cairo", "The minister"),
        ("New Delhi [India], May 2 (ANI): Talks opened.", "New Delhi [India]", "Talks"),
        ("3 March 2020\nLusaka, Zambia\n\nThe president spoke.", "Lusaka, Zambia", "The president"),
    ],
)
def test_datelines_are_found_in_every_agency_style(text: str, place: str, story: str) -> None:
    dateline = find_datelines(text)[0]
    assert text[dateline.start : dateline.place_end] == place
    assert text[dateline.end :].lstrip().startswith(story)


@pytest.mark.parametrize(
    "text",
    [
        "According to the ministry, 36 people were hurt.",
        "The Supreme Court (STF) ruled on Monday that the law stands.",
        "Guinea-Bissau held elections - and the count is slow.",
        "Bandits attacked the village at night.",
    ],
)
def test_an_opening_that_is_not_a_dateline_is_not_taken_for_one(text: str) -> None:
    assert find_datelines(text) == []


def test_the_dateline_country_is_primary_when_the_story_names_it() -> None:
    text = (
        "AMMAN - The king received foreign ministers on Sunday for the Amman conference on aid "
        "to Gaza. The ministers discussed the crossings into Gaza and the needs of families in "
        "Gaza, where food is scarce. Gaza's hospitals are short of fuel."
    )
    assert tag_text(text, title="King receives ministers").primary == "JO"


def test_a_city_only_in_the_dateline_is_the_bureau_not_the_story() -> None:
    text = (
        "DUBAI (Reuters) - Houthi forces in Yemen fired two missiles at a tanker on Monday, "
        "Yemen's coast guard said, and the ship's crew was safe."
    )
    tagging = tag_text(text, title="Tanker attacked")
    assert tagging.primary == "YE"
    assert concerned(text, "Tanker attacked") == ["YE"]
    assert passing(text, "Tanker attacked") == ["AE"]


def test_a_story_named_only_by_its_dateline_is_about_that_country() -> None:
    tagging = tag_text("WASHINGTON (AP) — The Senate passed the farm bill on Thursday.")
    assert tagging.primary == "US"
    assert [c.code for c in tagging.concerned()] == ["US"]


def test_a_state_abbreviation_in_the_dateline_is_the_united_states() -> None:
    text = (
        "AUGUSTA, Ga. (AP) — Jordan Spieth shot a 66 on Thursday to lead the Masters by two. "
        "Jon Rahm of Spain was three back."
    )
    tagging = tag_text(text, title="Spieth leads the Masters")
    assert tagging.primary == "US"
    assert "JO" not in tagging.codes()


def test_the_dateline_region_decides_a_city_shared_with_another_country() -> None:
    text = "SANTA FE, N.M. (AP) — The governor signed a water bill into law on Friday."
    assert tag_text(text).codes() == ["US"]  # not Santa Fe, Argentina


@pytest.mark.parametrize(
    ("text", "not_there"),
    [
        ("Turkey Hill is expanding its ice cream plant in Ohio, adding 120 jobs.", "TR"),
        ("Golfer Jordan Spieth won by a shot in Texas.", "JO"),
        ("Chad Smith scored twice for the visitors in Ohio.", "TD"),
        ("Manchester United beat the visitors 2-1 in a cup match.", "GB"),
        ("Doctors at the Saudi German Hospital in Cairo operated for ten hours.", "SA"),
        ("The Jerusalem Post and the New York Times both ran the story from Paris.", "IL"),
        ("A fire broke out on Lebanon Street in Boston on Monday.", "LB"),
        ("Kenya Airways will fly to Dubai three times a week.", "KE"),
        ("Both sides cited the Almaty Declaration at the talks in Yerevan.", "KZ"),
        ("Leaders met at the Shanghai Cooperation Organisation summit in Astana.", "CN"),
        ("The African Independence Party of Ghana won seats in Lome.", "GH"),
        ("The Saba news agency in Sanaa said the port was shut.", "BQ"),
    ],
)
def test_names_within_a_longer_proper_name_are_not_places(text: str, not_there: str) -> None:
    assert not_there not in tag_text(text).codes()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Israel Defense Forces said two rockets fell near the border.", "IL"),
        ("The Kenya Defence Forces deployed troops on Monday.", "KE"),
        ("Officials said the Russia Ukraine talks would resume.", "RU"),
        ("The Ukraine Recovery Conference opened on Tuesday.", "UA"),
    ],
)
def test_a_country_name_before_its_institutions_is_still_the_country(
    text: str, country: str
) -> None:
    assert country in tag_text(text).codes()


def test_a_longer_name_in_the_body_is_one_in_a_title_case_title_too() -> None:
    text = "Turkey Hill is adding 100 jobs at its dairy plant in Pennsylvania."
    assert tag_text(text, title="Turkey Hill Expands Ice Cream Plant").codes() == ["US"]


def test_the_place_of_the_disaster_outranks_the_states_sending_help() -> None:
    text = (
        "Rescuers dug through mud on Sunday after a landslide in Papua New Guinea buried a "
        "village in the highlands, officials said, and more than 300 people were missing. "
        "The slope gave way before dawn on Friday while most residents were asleep. A provincial "
        "official said weeks of rain had loosened the hillside and that aftershocks slowed the "
        "search. Roads to the area were cut. Australia said it would send engineers and relief "
        "supplies. Australian officials said Australia stood ready to do more, and that "
        "Australia's air force was preparing aircraft. New Zealand also offered help."
    )
    assert tag_text(text, title="Landslide buries village").primary == "PG"


def test_the_country_fought_over_outranks_the_one_backing_a_side() -> None:
    text = (
        "GOMA, Congo (AP) — Rwandan-backed rebels said on Monday they had seized Goma, the "
        "largest city in eastern Congo, after days of fighting. Residents reported gunfire in "
        "the streets. Congo's government accused Rwanda of an act of war. Rwanda denies backing "
        "the rebels, but UN experts say Rwanda has thousands of troops in Congo. Rwanda's "
        "foreign ministry said the fighting threatened Rwanda's security."
    )
    assert tag_text(text, title="Rebels take Goma").primary == "CD"


def test_the_state_that_opens_the_lead_is_its_subject() -> None:
    text = (
        "The Dominican Republic began building a wall on Sunday along its border with Haiti, in "
        "an effort to curb migration and smuggling.\n\n"
        "The president laid the first stone at a ceremony near the frontier.\n\n"
        "Haiti has been gripped by gang violence and a political crisis. Haitian officials did "
        "not comment. Thousands of Haitians cross each year in search of work.\n\n"
        "Haiti's government has objected to such plans before."
    )
    title = "Dominican Republic starts building border wall"
    assert tag_text(text, title=title).primary == "DO"


def test_the_lead_counts_more_than_the_rest_of_the_story() -> None:
    lead = "Heavy floods hit Peru on Monday, and the government of Peru declared an emergency.\n"
    filler = "Officials said schools would stay closed and that roads were cut.\n" * 6
    rest = "Chile had similar floods. Chilean engineers studied them. Chile will publish a report."
    assert tag_text(lead + filler + rest, title="Floods").primary == "PE"


def test_a_country_named_once_in_an_aside_is_named_in_passing() -> None:
    text = (
        "LIMA, Peru (AP) — Peru's congress approved the budget on Monday. The finance "
        "minister, who studied economics in Canada, said it would cut the deficit."
    )
    assert concerned(text) == ["PE"]
    assert passing(text) == ["CA"]


def test_a_country_named_once_late_in_a_long_story_is_named_in_passing() -> None:
    lead = "Poland's parliament passed a new defence law on Tuesday, raising spending. "
    filler = "Lawmakers debated the bill for hours before the vote in Warsaw. " * 35
    end = "Similar laws were passed in Estonia last year."
    assert passing(lead + filler + end) == ["EE"]
    assert passing(lead + end) == []  # a short story: every country it names counts


def test_niger_state_is_in_nigeria_and_niamey_in_niger() -> None:
    assert tag_text("Gunmen attacked two villages in Niger State, near Minna.").codes() == ["NG"]
    text = "Bandits killed farmers in Niger, officials in the Rafi Local Government Area said."
    assert tag_text(text).codes() == ["NG"]
    assert tag_text("Niger's junta met in Niamey on Friday.").codes() == ["NE"]


def test_the_json_shape_says_which_countries_are_named_in_passing() -> None:
    found = tag_text("DUBAI (Reuters) - Yemen's coast guard said the ship was safe.").as_dict()
    assert found["primary"] == "YE"
    assert [(c["code"], c["passing"]) for c in found["countries"]] == [
        ("YE", False),
        ("AE", True),
    ]


def test_a_country_written_in_the_dateline_of_a_story_placed_elsewhere_is_in_passing() -> None:
    """ "NAIROBI, Kenya (Reuters)" on floods in Somalia: Kenya is where the bureau is."""
    text = (
        "NAIROBI, Kenya (Reuters) - Floods cut off dozens of villages in southern Somalia on "
        "Monday, the disaster agency said, as rivers burst their banks after days of rain."
    )
    tagging = tag_text(text, title="Floods cut off villages")
    assert tagging.primary == "SO"
    assert concerned(text, "Floods cut off villages") == ["SO"]
    assert passing(text, "Floods cut off villages") == ["KE"]


def test_a_dateline_city_named_again_is_where_the_story_happens() -> None:
    """The town is too small for the gazetteer, but the story names it again: Switzerland is
    a place of the story, not a bureau."""
    text = (
        "LUGANO, Switzerland (AP) — Ukraine's prime minister opened a conference on rebuilding "
        "the country's power grid in Lugano on Monday, asking donors for winter aid."
    )
    tagging = tag_text(text, title="Donors meet on Ukraine's grid")
    assert tagging.primary == "UA"
    assert concerned(text, "Donors meet on Ukraine's grid") == ["UA", "CH"]
