"""Lists of countries in each page language's own alphabetical order (CLDR collation): the home
page's index under its letters, and the finder's list of countries."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client

from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

SENDERS = {
    "ES": "Spain",
    "AU": "Australia",
    "JO": "Jordan",
    "DE": "Germany",
    "BE": "Belgium",
    "IS": "Iceland",
    "CI": "Côte d’Ivoire",
    "AX": "Åland Islands",
    "CU": "Cuba",
    "CA": "Canada",
}
# The senders and Russia as CLDR names them in Russian, in Russian alphabetical order.
RUSSIAN_NAMES = [
    "Австралия",
    "Аландские о-ва",
    "Бельгия",
    "Германия",
    "Иордания",
    "Исландия",
    "Испания",
    "Канада",
    "Кот-д’Ивуар",
    "Куба",
    "Россия",
]


@pytest.fixture
def senders() -> None:
    """One mission in Russia from each sender."""
    russia = make_country("RU", "Russia")
    for code, name in SENDERS.items():
        make_mission(sending=make_country(code, name), host=russia, city="Moscow")


def home_index(client: Client, prefix: str) -> list[tuple[str, list[str]]]:
    doc = lxml.html.fromstring(client.get(f"{prefix}/").content)
    return [
        (h3.text_content(), [a.text_content() for a in h3.getnext().xpath(".//a")])
        for h3 in doc.xpath("//section[@id='countries']//h3[@class='letter']")
    ]


def test_english_index_files_accented_names_under_their_letter(
    client: Client, senders: None
) -> None:
    index = dict(home_index(client, ""))
    assert index["A"] == ["Åland Islands", "Australia"]
    assert index["C"] == ["Canada", "Côte d’Ivoire", "Cuba"]
    assert list(index) == ["A", "B", "C", "G", "I", "J", "R", "S"]


def test_russian_index_in_russian_order(client: Client, senders: None) -> None:
    assert home_index(client, "/ru") == [
        ("А", ["Австралия", "Аландские о-ва"]),
        ("Б", ["Бельгия"]),
        ("Г", ["Германия"]),
        ("И", ["Иордания", "Исландия", "Испания"]),
        ("К", ["Канада", "Кот-д’Ивуар", "Куба"]),
        ("Р", ["Россия"]),
    ]


def test_arabic_index_in_arabic_order_with_every_alef_under_one_letter(
    client: Client, senders: None
) -> None:
    index = home_index(client, "/ar")
    # Iceland (alef with madda), Spain (hamza below), Australia (hamza above), Jordan and
    # Germany: one letter, ordered as Arabic dictionaries order them.
    assert index[0] == ("ا", ["آيسلندا", "إسبانيا", "أستراليا", "الأردن", "ألمانيا"])
    assert [letter for letter, _ in index] == ["ا", "ب", "ج", "ر", "س", "ك"]
    assert index[1] == ("ب", ["بلجيكا"])


def test_the_letter_links_reach_their_headings(client: Client, senders: None) -> None:
    doc = lxml.html.fromstring(client.get("/ar/").content)
    links = doc.xpath("//nav[@class='letters']//a/@href")
    ids = doc.xpath("//h3[@class='letter']/@id")
    assert links[0] == "#letter-%D8%A7"  # the bare alef, percent-encoded as browsers send it
    assert len(links) == len(ids) == len(set(ids))


def test_finder_lists_countries_in_the_page_language_order(client: Client, senders: None) -> None:
    doc = lxml.html.fromstring(client.get("/ru/find/").content)
    shown = [o.text_content() for o in doc.xpath("//select[@id='in']/option[@value!='']")]
    ours = [name for name in shown if name in RUSSIAN_NAMES]
    assert ours == RUSSIAN_NAMES
