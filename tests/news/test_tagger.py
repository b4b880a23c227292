"""The tagger's rules one by one: word boundaries, letter case, people, readings, scores."""

from __future__ import annotations

from embassies.news.tagging import tag_text


def codes(text: str, title: str = "") -> list[str]:
    return tag_text(text, title=title).codes()


def test_names_match_whole_words_only() -> None:
    assert codes("A woman in Lagos.") == ["NG"]  # no Oman in "woman"
    assert codes("Nigeria and Nigerians.") == ["NG"]  # no Niger in "Nigeria"
    assert codes("Niger's capital, Niamey.") == ["NE"]


def test_the_longest_name_wins() -> None:
    assert codes("Papua New Guinea's prime minister.") == ["PG"]
    assert codes("Guinea-Bissau held elections.") == ["GW"]
    assert codes("The Democratic Republic of Congo said.") == ["CD"]
    assert codes("Wildfires in New Mexico.") == ["US"]


def test_letter_case_separates_names_from_words() -> None:
    assert codes("Let us talk about fine china and roast turkey.") == []
    assert codes("The US and China met.") == ["US", "CN"]
    assert codes("the united states and china, in a text with no capitals") == ["US", "CN"]


def test_people_named_like_places_are_not_places() -> None:
    assert codes("Michael Jordan retired.") == []
    assert codes("Chad Johnson, a spokesman, said so.") == []
    assert codes("Denzel Washington arrived.") == []
    assert codes("Aid worker Chad Miller said camps in eastern Chad were full.") == ["TD"]


def test_context_picks_the_reading_of_an_ambiguous_name() -> None:
    assert codes("Georgia's governor spoke in Atlanta.") == ["US"]
    assert codes("Georgia's parliament met in Tbilisi.") == ["GE"]
    assert codes("Brussels told EU member states to comply.") == []
    assert codes("Belgian police patrolled Brussels.") == ["BE"]
    assert codes("Turkey farmers fear for the Thanksgiving roast.") == []


def test_namesake_cities_follow_the_country_the_text_names() -> None:
    assert codes("The governor of New Mexico spoke in Santa Fe.") == ["US"]
    assert codes("Rosario and Santa Fe, in Argentina.") == ["AR"]


def test_blocked_phrases_name_no_country() -> None:
    assert codes("Ships in the Persian Gulf and the Indian Ocean.") == []
    assert codes("Tensions on the Korean Peninsula.") == []


def test_weak_capitals_count_only_with_their_country() -> None:
    assert codes("Victoria said no.") == []
    assert codes("In Victoria, the Seychelles government said no.") == ["SC"]


def test_metonyms_and_capitals_stand_for_their_country() -> None:
    tagging = tag_text("The Kremlin and Downing Street traded barbs; Pyongyang stayed silent.")
    assert tagging.codes() == ["RU", "GB", "KP"]


def test_scores_are_relative_to_the_primary_and_the_title_counts_most() -> None:
    tagging = tag_text("Officials in Paris and Berlin met twice in Berlin.", title="France warns")
    assert tagging.primary == "FR"
    assert tagging.countries[0].score == 1.0
    assert all(0 < c.score <= 1.0 for c in tagging.countries)


def test_a_short_first_line_is_the_title() -> None:
    assert tag_text("Japan votes\nVoters in Osaka and in Seoul lined up.").primary == "JP"


def test_nothing_to_tag() -> None:
    assert tag_text("").as_dict() == {"countries": [], "primary": None}


def test_a_match_inside_a_word_does_not_hide_the_name_after_it() -> None:
    # "u k" (a form of "U.K.") starts inside "menu" and runs into "Kenya": it is dropped, and
    # the scan starts again at "Kenya" instead of after the dropped match.
    assert codes("A menu Kenya had never seen.") == ["KE"]
    assert codes("Des élections au Kenya et au Sénégal.") == ["KE", "SN"]


def test_a_match_within_one_word_is_skipped_without_losing_the_next_name() -> None:
    # "cia" (the CIA) ends "democracia" and "us" starts "usual": the scan goes on after them,
    # which is safe because no name's form starts with a mark (checked below).
    assert codes("La democracia en Chile y Perú.") == ["CL", "PE"]
    assert codes("As usual Kenya and Chad met.") == ["KE", "TD"]


def test_no_form_of_a_name_starts_with_a_mark() -> None:
    from embassies.news.tagging.lexicon import terms

    assert not [form for term in terms() for form in term.forms if not form[0].isalnum()]
