"""normalize() folds case, accents and punctuation so names compare equal."""

from __future__ import annotations

import pytest

from embassies.lib.text import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Côte d\u2019Ivoire", "cote d ivoire"),
        ("CÔTE D'IVOIRE", "cote d ivoire"),
        ("Guinea-Bissau", "guinea bissau"),
        ("St. Kitts & Nevis", "st kitts nevis"),
        ("  Straße\t der  Einheit ", "strasse der einheit"),
        ("São Tomé", "sao tome"),
    ],
)
def test_folds_case_accents_and_punctuation(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_keeps_cyrillic_and_arabic_letters() -> None:
    assert normalize("Германия") == "германия"
    assert normalize("ألمانيا") == "المانيا"


def test_keeps_chinese_and_indic_letters() -> None:
    assert normalize("德国") == "德国"
    assert normalize("जर्मनी") != ""


def test_empty_and_punctuation_only_give_empty_string() -> None:
    assert normalize("") == ""
    assert normalize(" -\u2019. ") == ""
