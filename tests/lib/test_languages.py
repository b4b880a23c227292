"""The language a stored text is in, read from the text, and the direction pages mark."""

from __future__ import annotations

import pytest

from embassies.lib.languages import Marking, direction, language_of, marking


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russia is currently at war in Ukraine and flights are suspended.", "en"),
        ("La Russie est en guerre et les vols sont suspendus dans le pays.", "fr"),
        ("Rusia está en guerra y los vuelos están suspendidos por el momento.", "es"),
        ("Der Botschafter ist nicht in Berlin und die Regierung hat gesprochen.", "de"),
        ("Россия ведёт войну на Украине", "ru"),
        ("روسيا في حالة حرب", "ar"),
    ],
)
def test_language_of_a_sentence(text: str, language: str) -> None:
    assert language_of(text) == language


def test_too_little_text_gets_no_language() -> None:
    assert language_of("Trump congratulates Putin, summit on cards") == ""
    assert language_of("") == ""


def test_right_to_left_languages_are_marked_rtl() -> None:
    assert direction("ar") == "rtl" and direction("he") == "rtl" and direction("fa-IR") == "rtl"
    assert direction("en") == "ltr" and direction("ru") == "ltr"
    assert direction("") == "auto"


def test_marking_gives_lang_and_dir_together() -> None:
    assert marking("The ministry said that the embassy was closed.") == Marking("en", "ltr")
    assert marking("السفارة مغلقة") == Marking("ar", "rtl")
    assert marking("Putin") == Marking("", "auto")


def test_only_the_opening_of_a_long_text_is_read() -> None:
    english = "The ministry said that the embassy was closed. " * 200
    assert language_of(english + "Россия " * 5000) == "en"
