"""Search and the finder as a person uses them, in a real browser."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser

from embassies.directory.models import Mission
from embassies.directory.search.document import refresh_search_documents
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory(settings: Any, live_server: Any) -> str:
    settings.MAP_TILE_URL = ""
    russia, australia = make_country("RU", "Russia"), make_country("AU", "Australia")
    make_mission(
        wikidata="Q4374011",
        sending=make_country("CA", "Canada"),
        host=russia,
        city="Moscow",
        lat=55.7467,
        lon=37.595,
    )
    make_mission(
        wikidata="Q1", sending=australia, host=russia, city="Moscow", lat=55.7526, lon=37.6423
    )
    make_mission(
        wikidata="Q2",
        kind="consulate_general",
        sending=australia,
        host=russia,
        city="Vladivostok",
        lat=43.1293,
        lon=131.8888,
    )
    refresh_search_documents(Mission.objects.all())
    return str(live_server.url)


def test_search_from_the_home_page_to_the_mission(browser: Browser, directory: str) -> None:
    page = browser.new_page()
    page.goto(directory + "/")
    page.get_by_label("Search for an embassy or consulate").fill("canadian embassy moscow")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Embassy of Canada in Moscow, Russia").first.click()
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Embassy of Canada in Moscow, Russia"
    )


def test_finder_without_a_location_lists_the_embassy_first(
    browser: Browser, directory: str
) -> None:
    page = browser.new_page()
    page.goto(directory + "/")
    page.select_option("#citizen", "AU")
    page.select_option("#in", "RU")
    page.get_by_role("button", name="Find help").click()
    assert "You are Australian in Russia" in page.content()
    first = page.locator("main a[href*='/missions/']").first.inner_text()
    assert "Moscow" in first


def test_finder_with_my_location_lists_the_nearest_office_first(
    browser: Browser, directory: str
) -> None:
    context = browser.new_context(
        geolocation={"latitude": 43.1155, "longitude": 131.8855}, permissions=["geolocation"]
    )
    page = context.new_page()
    page.goto(directory + "/find/?citizen=AU&in=RU")
    page.get_by_role("button", name="Use my location").click()
    page.wait_for_url("**near=43.1155*")
    first = page.locator("main a[href*='/missions/']").first.inner_text()
    assert "Vladivostok" in first
    context.close()
