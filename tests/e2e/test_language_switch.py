"""Switching the interface language in a real browser: Arabic turns the page right-to-left."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server: Any) -> str:
    russia = make_country("RU", "Russia", names={"ar": "روسيا", "fr": "Russie"})
    canada = make_country("CA", "Canada", names={"ar": "كندا", "fr": "Canada"})
    make_mission(sending=canada, host=russia, city="Moscow")
    return str(live_server.url)


def test_switching_to_arabic_mirrors_the_layout(browser: Browser, site: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800}, java_script_enabled=False)
    page.goto(site + "/countries/russia/")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    width = page.evaluate("document.documentElement.clientWidth")
    name_ltr = page.locator(".site-name").bounding_box()
    assert name_ltr is not None and name_ltr["x"] < width / 2  # the site's name starts on the left

    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="العربية").click()  # a plain link: no JavaScript needed

    assert page.url == site + "/ar/countries/russia/"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.get_by_role("heading", level=1).inner_text() == "السفارات والقنصليات في روسيا"
    name_rtl = page.locator(".site-name").bounding_box()
    assert name_rtl is not None and name_rtl["x"] > width / 2  # ...and on the right in Arabic
    current = page.get_by_role("navigation", name="اللغة").locator("[aria-current]")
    assert current.inner_text() == "العربية"


def x_of(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None
    return float(box["x"])


def test_the_navigation_mirrors(browser: Browser, site: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(site + "/fr/")
    # Left to right: the site's name, then the main navigation; lists run rightwards.
    assert x_of(page, ".site-name") < x_of(page, ".site-nav")
    assert x_of(page, ".site-nav li:first-child") < x_of(page, ".site-nav li:last-child")
    assert x_of(page, ".language-switcher li:first-child") < x_of(
        page, ".language-switcher li:last-child"
    )
    page.get_by_role("link", name="العربية").click()
    # Right to left: the same order, mirrored.
    assert x_of(page, ".site-name") > x_of(page, ".site-nav")
    assert x_of(page, ".site-nav li:first-child") > x_of(page, ".site-nav li:last-child")
    assert x_of(page, ".language-switcher li:first-child") > x_of(
        page, ".language-switcher li:last-child"
    )
    assert page.evaluate("getComputedStyle(document.querySelector('.site-nav')).direction") == "rtl"
