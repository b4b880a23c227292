"""Advisory titles -> place and level -> countries, through the project's resolver; no guesses."""

from __future__ import annotations

import pytest

from embassies.alerts.advisories import fips
from embassies.alerts.advisories.names import resolve_places
from embassies.alerts.advisories.titles import level_in, split_title


@pytest.mark.parametrize(
    ("title", "place", "level"),
    [
        ("Burma (Myanmar) - Level 4: Do Not Travel", "Burma (Myanmar)", 4),
        ("Mexico Travel Advisory", "Mexico", None),
        ("Mexico Travel Advisory - Level 2: Exercise Increased Caution", "Mexico", 2),
        (
            "Mainland China, Hong Kong & Macau - See Summaries",
            "Mainland China, Hong Kong & Macau",
            None,
        ),
        ("Timor-Leste - Level 1: Exercise Normal Precautions  ", "Timor-Leste", 1),
        ("Cabo Verde \u2013 Level 1: Exercise Normal Precautions", "Cabo Verde", 1),
    ],
)
def test_split_title(title: str, place: str, level: int | None) -> None:
    assert split_title(title) == (place, level)


@pytest.mark.parametrize(
    ("text", "level"),
    [("Level 3: Reconsider Travel", 3), ("Do Not Travel", 4), ("level 2", 2), ("", None)],
)
def test_level_in_a_threat_category(text: str, level: int | None) -> None:
    assert level_in(text) == level


@pytest.mark.parametrize(
    ("place", "codes"),
    [
        ("Israel, the West Bank and Gaza", ("IL",)),
        ("Mainland China, Hong Kong & Macau", ("CN", "HK", "MO")),
        ("Burma (Myanmar)", ("MM",)),
        ("Cabo Verde", ("CV",)),
        ("Türkiye", ("TR",)),
        ("Côte d'Ivoire", ("CI",)),
        ("Cote d Ivoire", ("CI",)),
        ("The Bahamas", ("BS",)),
        ("The Kyrgyz Republic", ("KG",)),
        ("Kingdom of Denmark", ("DK",)),
        ("Timor-Leste", ("TL",)),
        ("Trinidad and Tobago", ("TT",)),
        ("French West Indies", ()),
        ("Atlantis", ()),
        ("Gaza, Israel", ()),  # the first-named place decides; unknown there means unresolved
    ],
)
def test_places(place: str, codes: tuple[str, ...]) -> None:
    assert resolve_places(place).codes == codes


def test_unread_parts_are_kept_for_the_report() -> None:
    assert resolve_places("Israel, the West Bank and Gaza").unread == ("the West Bank", "Gaza")


@pytest.mark.parametrize(
    ("tag", "iso"),
    [
        ("UK", "GB"),
        ("AJ", "AZ"),
        ("SW", "SE"),
        ("SE", "SC"),
        ("GM", "DE"),
        ("EZ", "CZ"),
        ("BM", "MM"),
        ("KV", "XK"),
        ("XX", None),
    ],
)
def test_fips_table(tag: str, iso: str | None) -> None:
    assert fips.to_iso(tag) == iso
