"""The query parser: sending state, host state or city, and kind, from how people ask."""

from __future__ import annotations

import pytest

from embassies.directory.kinds import Kind
from embassies.directory.search.query import ParsedQuery, parse_query

pytestmark = pytest.mark.django_db


def fields(parsed: ParsedQuery) -> tuple[str | None, str | None, str | None, str | None]:
    city = parsed.city.name if parsed.city else None
    return parsed.sending, parsed.host, city, parsed.kind.value if parsed.kind else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("canadian embassy moscow", ("CA", "RU", "Moscow", "embassy")),
        ("dutch embassy jakarta", ("NL", "ID", "Jakarta", "embassy")),
        ("emirati embassy london", ("AE", "GB", "London", "embassy")),
        ("embassy of japan in brasil", ("JP", "BR", None, "embassy")),
        ("japan embassy canada", ("JP", "CA", None, "embassy")),
        ("consulate of australia in vladivostok", ("AU", "RU", "Vladivostok", "consulate")),
        ("swiss embassy tehran", ("CH", "IR", "Tehran", "embassy")),
        ("embassy moscow russia", (None, "RU", "Moscow", "embassy")),
        ("embassies in russia", (None, "RU", None, "embassy")),
    ],
)
def test_english_word_orders(query: str, expected: tuple[str | None, ...]) -> None:
    assert fields(parse_query(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("deutsche botschaft paris", ("DE", "FR", "Paris", "embassy")),
        ("russische botschaft berlin", ("RU", "DE", "Berlin", "embassy")),
        ("ambassade de france à berlin", ("FR", "DE", "Berlin", "embassy")),
        ("consulat général de france à édimbourg", ("FR", "GB", "Edinburgh", "consulate_general")),
        ("embajada de méxico en madrid", ("MX", "ES", "Madrid", "embassy")),
        ("посольство россии в германии", ("RU", "DE", None, "embassy")),
        ("посольство сша в москве", ("US", "RU", "Moscow", "embassy")),
        (
            "генеральное консульство финляндии в санкт-петербурге",
            ("FI", "RU", "Saint Petersburg", "consulate_general"),
        ),
        ("ambasciata d'italia a londra", ("IT", "GB", "London", "embassy")),
        ("embaixada do brasil em lisboa", ("BR", "PT", "Lisbon", "embassy")),
    ],
)
def test_other_languages(query: str, expected: tuple[str | None, ...]) -> None:
    assert fields(parse_query(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("embasy of japan in brasil", ("JP", "BR", None, "embassy")),
        ("austrailian embassy", ("AU", None, None, "embassy")),
        ("embassy of germnay in spain", ("DE", "ES", None, "embassy")),
        ("swaziland high commission pretoria", ("SZ", "ZA", "Pretoria", "high_commission")),
        ("burma embassy bangkok", ("MM", "TH", "Bangkok", "embassy")),
        ("us embassy london", ("US", "GB", "London", "embassy")),
        ("uk embassy paris", ("GB", "FR", "Paris", "embassy")),
        ("uae embassy berlin", ("AE", "DE", "Berlin", "embassy")),
    ],
)
def test_typos_former_names_and_abbreviations(query: str, expected: tuple[str | None, ...]) -> None:
    assert fields(parse_query(query)) == expected


@pytest.mark.parametrize("spelling", ["kiev", "kyiv", "Київ", "Киев"])
def test_old_and_new_city_names_meet(spelling: str) -> None:
    parsed = parse_query(f"polish embassy {spelling}")
    assert parsed.city is not None and parsed.city.name == "Kyiv"


@pytest.mark.parametrize(
    "spelling", ["st petersburg", "st. petersburg", "saint-pétersbourg", "Leningrad"]
)
def test_st_petersburg_in_russia_whatever_the_spelling(spelling: str) -> None:
    parsed = parse_query(f"french consulate {spelling}")
    assert parsed.city is not None and (parsed.city.name, parsed.city.country) == (
        "Saint Petersburg",
        "RU",
    )


def test_a_city_in_the_sending_state_is_not_the_place_meant() -> None:
    """London, Ontario is Canadian: a Canadian embassy in "london" is in England."""
    assert parse_query("canadian embassy london").city.country == "GB"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("query", "sending", "kind"),
    [
        ("taipei representative office tokyo", "TW", Kind.REPRESENTATIVE_OFFICE),
        ("apostolic nunciature paris", "VA", Kind.APOSTOLIC_NUNCIATURE),
        ("british high commission ottawa", "GB", Kind.HIGH_COMMISSION),
        ("german honorary consulate brest", "DE", Kind.HONORARY_CONSULATE),
        ("iran interests section washington", "IR", Kind.INTERESTS_SECTION),
    ],
)
def test_kinds_of_mission(query: str, sending: str, kind: Kind) -> None:
    parsed = parse_query(query)
    assert (parsed.sending, parsed.kind) == (sending, kind)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "'; DROP TABLE directory_mission; --",
        "<script>alert(1)</script>",
        "x" * 5000,
        "of in the",
    ],
)
def test_nonsense_gives_no_structure_and_no_error(query: str) -> None:
    assert not parse_query(query).is_structured
