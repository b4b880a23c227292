"""Alphabetical order and letter headings in each language's own order (ICU, CLDR tailorings)."""

from __future__ import annotations

from embassies.lib import collation


def names_in_order(names: list[str], language: str) -> list[str]:
    return collation.sorted_by(names, str, language)


def test_english_puts_accented_names_with_their_letter_not_after_z() -> None:
    names = ["Cuba", "Zambia", "Côte d'Ivoire", "Croatia", "Åland Islands", "Canada", "Albania"]
    assert names_in_order(names, "en") == [
        "Åland Islands",
        "Albania",
        "Canada",
        "Côte d'Ivoire",
        "Croatia",
        "Cuba",
        "Zambia",
    ]
    assert sorted(names)[-2:] == ["Zambia", "Åland Islands"]  # what code points would do


def test_english_headings_come_from_the_letter_at_primary_strength() -> None:
    assert collation.heading("Åland Islands", "en") == "A"
    assert collation.heading("Côte d'Ivoire", "en") == "C"
    assert collation.heading("Égypte", "fr") == "E"


def test_a_language_tailoring_is_applied() -> None:
    """Swedish files Å as a letter of its own after Z: CLDR's tailoring, not the root order."""
    assert names_in_order(["Åland", "Zambia", "Albania"], "sv") == ["Albania", "Zambia", "Åland"]
    assert collation.heading("Åland", "sv") == "Å"
    assert names_in_order(["Ñandú", "Noruega", "Omán"], "es") == ["Noruega", "Ñandú", "Omán"]


def test_russian_order_puts_yo_with_ye_and_cyrillic_before_latin() -> None:
    names = ["Жук", "Ель", "Canada", "Абрикос", "Ёж"]
    assert names_in_order(names, "ru") == ["Абрикос", "Ёж", "Ель", "Жук", "Canada"]
    assert collation.heading("Ёж", "ru") == "Е"


def test_arabic_order_reads_hamza_forms_of_alef_as_alef() -> None:
    # Spain (hamza below) before Australia (hamza above), Jordan before Germany: code points
    # would give the opposite in both pairs.
    spain, australia, jordan, germany = "إسبانيا", "أستراليا", "الأردن", "ألمانيا"
    belgium, egypt = "بلجيكا", "مصر"
    names = [egypt, germany, belgium, jordan, australia, spain]
    assert names_in_order(names, "ar") == [spain, australia, jordan, germany, belgium, egypt]


def test_arabic_index_merges_every_alef_under_the_bare_one() -> None:
    iceland, spain, australia, jordan = "آيسلندا", "إسبانيا", "أستراليا", "الأردن"
    belgium = "بلجيكا"
    groups = collation.by_heading([belgium, jordan, australia, spain, iceland], str, "ar")
    assert groups == [("ا", [iceland, spain, australia, jordan]), ("ب", [belgium])]


def test_names_of_no_letter_go_under_one_last_heading() -> None:
    groups = collation.by_heading(["123", "Canada", "Япония", "Albania"], str, "en")
    assert groups == [("A", ["Albania"]), ("C", ["Canada"]), ("#", ["123", "Япония"])]


def test_an_english_name_on_a_russian_page_files_under_its_latin_letter() -> None:
    groups = collation.by_heading(["Canada", "Япония", "Австрия"], str, "ru")
    assert groups == [("А", ["Австрия"]), ("Я", ["Япония"]), ("C", ["Canada"])]


def test_a_django_language_code_with_a_script_is_understood() -> None:
    assert names_in_order(["Zambia", "Åland"], "zh-hans") == ["Åland", "Zambia"]
