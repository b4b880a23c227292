"""The finder near a place typed by name, from the home page, on a phone and on a desktop,
in English and in Russian; a name several places share offers them as links."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from embassies.directory.kinds import Kind
from tests.e2e.test_accessibility import axe, describe, new_page
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]
FINDER = "main form[action$='/find/']"


@pytest.fixture
def directory(settings: Any, live_server: Any) -> str:
    settings.MAP_TILE_URL = ""
    canada, russia = make_country("CA", "Canada"), make_country("RU", "Russia")
    make_mission(wikidata="Q4374011", sending=canada, host=russia, lat=55.7467, lon=37.595)
    make_mission(
        wikidata="Q2",
        kind=Kind.CONSULATE,
        sending=canada,
        host=russia,
        city="Saint Petersburg",
        lat=59.9386,
        lon=30.3141,
    )
    usa = make_country("US", "United States")
    make_mission(wikidata="Q3", sending=canada, host=usa, city="Washington", lat=38.9, lon=-77.06)
    return str(live_server.url)


def ask(page: Page, citizen: str, host: str, near: str) -> None:
    page.select_option(f"{FINDER} #citizen", citizen)
    page.select_option(f"{FINDER} #in", host)
    page.fill(f"{FINDER} #near", near)
    page.locator(f"{FINDER} button[type=submit]").click()
    page.wait_for_load_state()


def fits(page: Page) -> bool:
    """Nothing wider than the screen: no sideways scrolling."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone", "desktop"])
@pytest.mark.parametrize(
    ("home", "near"), [("/", "Saint Petersburg"), ("/ru/", "Санкт-Петербург")], ids=["en", "ru"]
)
def test_a_place_name_puts_the_office_there_first(
    browser: Browser, directory: str, viewport: dict, home: str, near: str
) -> None:
    page = browser.new_page(viewport=viewport)
    page.goto(directory + home)
    ask(page, "CA", "RU", near)
    first = page.locator("main li.mission-item a[href*='/missions/']").first
    title = first.inner_text()
    assert "Petersburg" in title or "Петербург" in title, title
    assert page.locator(f"{FINDER} #near").input_value() == near
    assert fits(page)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone", "desktop"])
def test_a_name_of_several_places_is_a_choice_of_links(
    browser: Browser, directory: str, viewport: dict
) -> None:
    page = browser.new_page(viewport=viewport, java_script_enabled=False)
    page.goto(directory + "/find/")
    ask(page, "CA", "US", "Alexandria")
    question = page.get_by_role("heading", name="Several places are called “Alexandria”")
    assert question.is_visible() and fits(page)
    page.get_by_role("link", name="Alexandria").first.click()
    assert "near=38.8048" in page.url
    assert "You are Canadian in the United States" in page.content()


def test_an_unknown_place_is_told_beside_the_field(browser: Browser, directory: str) -> None:
    page = browser.new_page(viewport=VIEWPORTS[0])
    page.goto(directory + "/find/")
    ask(page, "CA", "RU", "Atlantisgrad")
    near = page.locator(f"{FINDER} #near")
    assert near.get_attribute("aria-invalid") == "true"
    error = page.locator("#near-error")
    assert error.inner_text() == "We don’t know a place called “Atlantisgrad” in Russia."
    assert fits(page)


@pytest.mark.parametrize(
    "query",
    ["citizen=CA&in=US&near=Alexandria", "citizen=CA&in=RU&near=Atlantisgrad", "citizen=XX&in=RU"],
    ids=["choice", "unknown-place", "unknown-country"],
)
def test_choices_and_errors_pass_axe(browser: Browser, directory: str, query: str) -> None:
    page = new_page(browser, viewport=VIEWPORTS[0])
    page.goto(f"{directory}/find/?{query}")
    violations = axe(page)
    assert not violations, describe(violations)


def test_the_home_page_finder_uses_my_location(browser: Browser, directory: str) -> None:
    context = browser.new_context(
        viewport=VIEWPORTS[0],
        geolocation={"latitude": 59.93, "longitude": 30.31},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(directory + "/")
    page.select_option(f"{FINDER} #citizen", "CA")
    page.select_option(f"{FINDER} #in", "RU")
    page.locator(FINDER).get_by_role("button", name="Use my location").click()
    page.wait_for_url("**near=59.93*")
    first = page.locator("main li.mission-item a[href*='/missions/']").first.inner_text()
    assert "Saint Petersburg" in first
