"""A person's path through the directory in a real browser: home, country, mission, map."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory(settings: Any, live_server: Any) -> str:
    settings.MAP_TILE_URL = live_server.url + "/static/web/site.css?{z}/{x}/{y}"  # any local URL
    russia = make_country("RU", "Russia")
    canada = make_country("CA", "Canada")
    make_mission(
        wikidata="Q4374011",
        sending=canada,
        host=russia,
        city="Moscow",
        lat=55.7467,
        lon=37.595,
        phones=["+7 495 925-60-00"],
        address="Starokonyushenny 23",
    )
    make_mission(
        kind="consulate_general",
        sending=make_country("AU", "Australia"),
        host=russia,
        city="Vladivostok",
        lat=43.1155,
        lon=131.8855,
    )
    return str(live_server.url)


def outside_requests(page: Page, base: str) -> list[str]:
    """Every request the page makes to a host other than ours."""
    seen: list[str] = []
    host = urlsplit(base).netloc
    page.on("request", lambda r: seen.append(r.url) if urlsplit(r.url).netloc != host else None)
    return seen


def test_from_home_to_a_mission_page(browser: Browser, directory: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside = outside_requests(page, directory)
    page.goto(directory + "/")
    page.get_by_role("link", name="Russia").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Embassies and consulates in Russia"
    # Leaflet runs from a deferred script: wait for it to draw the map.
    expect(page.locator(".map.leaflet-container")).to_have_count(1)
    page.get_by_role("link", name="Embassy in Moscow").click()
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Embassy of Canada in Moscow, Russia"
    )
    assert page.locator('a[href="tel:+74959256000"]').count() == 1
    expect(
        page.locator(".leaflet-marker-pane *, .leaflet-overlay-pane path").first
    ).to_be_attached()
    assert errors == [] and outside == []


def test_map_degrades_to_coordinates_without_javascript(browser: Browser, directory: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(directory + "/countries/russia/")
    assert page.locator(".leaflet-container").count() == 0
    link = page.get_by_role("link", name="43.11550° N, 131.88550° E")
    assert "openstreetmap.org" in (link.get_attribute("href") or "")
    context.close()


def test_phone_layout_has_no_horizontal_scroll(browser: Browser, directory: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(directory + "/countries/russia/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
