"""The seed's banner in a real browser: on a mission page, read as a landmark, steady as the
page loads, and its link opens the finder pre-set to the country."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser

from embassies.alerts.models import Alert
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db(transaction=True)

WAR = "Russia is currently at war in Ukraine"
# Sum of unexpected layout shifts since the page started (Layout Instability API).
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


@pytest.fixture
def mission_url(settings: Any, live_server: Any) -> str:
    settings.MAP_TILE_URL = ""
    russia = make_country("RU", "Russia")
    embassy = make_mission(
        wikidata="Q4374011",
        sending=make_country("CA", "Canada"),
        host=russia,
        city="Moscow",
        lat=55.7467,
        lon=37.595,
    )
    Alert.objects.create(country=russia, headline=WAR)
    return f"{live_server.url}{embassy.get_absolute_url()}"


def test_banner_on_a_mission_page_opens_the_finder(browser: Browser, mission_url: str) -> None:
    page = browser.new_page()
    page.goto(mission_url)
    banner = page.get_by_role("complementary", name="Consular assistance in Russia")
    assert banner.is_visible()
    assert f"{WAR}. Are you in Russia and need consular assistance?" in banner.inner_text()
    top = banner.bounding_box()
    page.wait_for_load_state("load")
    assert page.evaluate(LAYOUT_SHIFT) < 0.01 and banner.bounding_box() == top
    banner.get_by_role("link", name="Find your country’s embassy in Russia").click()
    page.wait_for_url("**/find/?in=RU")
    assert page.get_by_role("heading", level=1).inner_text() == "Get help abroad"
    assert page.locator("#in").input_value() == "RU"
    assert page.get_by_role("complementary", name="Consular assistance in Russia").is_visible()


def test_banner_without_javascript(browser: Browser, mission_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(mission_url)
    assert page.get_by_role("complementary", name="Consular assistance in Russia").is_visible()
    context.close()
