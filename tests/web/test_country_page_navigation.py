"""Finding one country's missions on a long country page: an index of links to the groups, a
filter box for JavaScript to show, groups in the language's order, the embassy first in each
group, headings that link to the same missions seen from the other country, one finder prompt."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client

from embassies.directory.models import Mission
from tests.alerts.builders import make_alert
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def russia() -> None:
    """Missions in Russia of Germany, Canada and Austria; Russia's embassy in Canada."""
    ru, ca = make_country("RU", "Russia"), make_country("CA", "Canada")
    de, at = make_country("DE", "Germany"), make_country("AT", "Austria")
    make_mission(sending=de, host=ru, city="Yekaterinburg", kind="consulate_general")
    make_mission(sending=de, host=ru, city="", kind="honorary_consulate")
    make_mission(sending=de, host=ru, city="Kaliningrad", kind="consulate_general")
    make_mission(sending=de, host=ru, city="Moscow")
    make_mission(sending=ca, host=ru, city="Moscow")
    make_mission(sending=at, host=ru, city="Moscow")
    make_mission(sending=ru, host=ca, city="Ottawa")


def page(client: Client, url: str) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content)


def group_names(doc: lxml.html.HtmlElement) -> list[str]:
    return [h.text_content().split(":")[0] for h in doc.xpath("//section[@class='group']/h2/a")]


def test_the_index_links_to_every_group_in_page_order(client: Client, russia: None) -> None:
    doc = page(client, "/countries/russia/")
    links = doc.xpath("//nav[@class='group-index']//a")
    assert [a.get("href") for a in links] == ["#g-AT", "#g-CA", "#g-DE"]
    assert [a.text_content() for a in links] == ["Austria", "Canada", "Germany"]
    for link in links:  # each link lands on its group's heading
        (target,) = doc.xpath(f"//*[@id='{link.get('href')[1:]}']")
        assert target.tag == "h2" and target.getparent().get("class") == "group"


def test_groups_follow_the_order_of_the_page_language(client: Client, russia: None) -> None:
    assert group_names(page(client, "/countries/russia/")) == ["Austria", "Canada", "Germany"]
    # Австрия, Германия, Канада: Germany comes before Canada in Russian.
    assert group_names(page(client, "/ru/countries/russia/")) == ["Австрия", "Германия", "Канада"]
    doc = page(client, "/ru/countries/russia/")
    assert [a.text_content() for a in doc.xpath("//nav[@class='group-index']//a")] == [
        "Австрия",
        "Германия",
        "Канада",
    ]


def test_the_embassy_comes_first_then_cities_then_missions_without_a_city(
    client: Client, russia: None
) -> None:
    doc = page(client, "/countries/russia/")
    (germany,) = doc.xpath("//section[@data-group='DE']")
    shown = [li.xpath("./a")[0].get("href") for li in germany.xpath(".//li")]
    cities = ["Moscow", "Kaliningrad", "Yekaterinburg", ""]  # the embassy is in Moscow
    assert shown == [Mission.objects.get(sending="DE", city=c).get_absolute_url() for c in cities]


def test_a_heading_links_to_that_states_missions_in_this_country(
    client: Client, russia: None
) -> None:
    """On Russia's page, Canada's heading leads to Russia's group on Canada's page abroad; on
    Russia's page abroad, Canada's heading leads to Russia's group on Canada's page: the same
    missions seen from the other country, never the country's whole list at its top."""
    hosted = page(client, "/countries/russia/").xpath("//h2[@id='g-CA']/a")[0].get("href")
    abroad = page(client, "/countries/russia/abroad/").xpath("//h2[@id='g-CA']/a")[0].get("href")
    assert hosted == "/countries/canada/abroad/#g-RU"
    assert abroad == "/countries/canada/#g-RU"
    for href in (hosted, abroad):
        url, anchor = href.split("#")
        assert page(client, url).xpath(f"//h2[@id='{anchor}']"), href


def test_the_filter_box_waits_for_javascript_and_says_how_many_groups_show(
    client: Client, russia: None
) -> None:
    doc = page(client, "/countries/russia/")
    (box,) = doc.xpath("//*[@data-group-filter]")
    assert box.get("hidden") is not None  # shown by group-filter.js; without it, the index
    (field,) = box.xpath(".//input[@type='search']")
    assert box.xpath(f".//label[@for='{field.get('id')}']")[0].text_content() == (
        "Filter countries by name"
    )
    (status,) = box.xpath(".//*[@role='status']")
    assert status.get("data-template") == "Countries shown: [shown] of 3"
    assert doc.xpath("//script[contains(@src, 'web/group-filter.js')]")
    # What the script matches: the name in the page's language and in English.
    russian = page(client, "/ru/countries/russia/")
    assert russian.xpath("//section[@data-group='DE']")[0].get("data-names") == "Германия Germany"


def finder_links(doc: lxml.html.HtmlElement) -> list[str]:
    return [str(a.get("href")) for a in doc.xpath("//main//a[starts-with(@href, '/find/')]")]


def test_one_prompt_to_the_finder_without_an_alert(client: Client, russia: None) -> None:
    assert finder_links(page(client, "/countries/russia/")) == ["/find/?in=RU"]


def test_one_prompt_to_the_finder_when_the_alert_banner_already_gives_one(
    client: Client, russia: None
) -> None:
    make_alert("RU", "Russia is currently at war in Ukraine")
    doc = page(client, "/countries/russia/")
    assert finder_links(doc) == ["/find/?in=RU"]
    assert doc.xpath("//aside[contains(@class, 'alert-banner')]//a[@href='/find/?in=RU']")


def test_a_page_with_no_missions_has_no_index_and_no_filter(client: Client) -> None:
    make_country("AQ", "Antarctica")
    doc = page(client, "/countries/antarctica/")
    assert not doc.xpath("//nav[@class='group-index']") and not doc.xpath("//*[@data-group-filter]")
    assert not doc.xpath("//script[contains(@src, 'group-filter.js')]")
