"""In a real browser, on a phone and on a desktop: phones are tel: links on one line, kept
left-to-right on the Arabic page, and a Puerto Rican is told plainly that the United States
helps."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from embassies.assistance.models import EmergencyLine
from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [390, 1280]
TEL = "a[href='tel:+74959256000']"


@pytest.fixture
def site(settings: Any, live_server: Any) -> tuple[str, Mission]:
    settings.MAP_TILE_URL = ""
    russia = make_country("RU", "Russia", names={"ar": "روسيا"})
    usa = make_country("US", "United States", demonym="American", names={"ar": "الولايات المتحدة"})
    make_country("PR", "Puerto Rico", demonym="Puerto Rican", is_state=False)
    make_country("AQ", "Antarctica", is_state=False)
    embassy = make_mission(
        sending=usa,
        host=russia,
        city="Moscow",
        lat=55.7553,
        lon=37.5837,
        phones=["+7 495 925-6000"],
    )
    EmergencyLine.objects.create(
        country=usa,
        name="Overseas Citizens Services",
        phone="+1 202 501 4444",
        source_url="https://travel.state.gov/",
    )
    return str(live_server.url), embassy


def _on_one_line(page: Page, selector: str) -> bool:
    return bool(page.locator(selector).first.evaluate("a => a.getClientRects().length === 1"))


def _reads_left_to_right(page: Page, selector: str) -> bool:
    """The number's first character ("+") is drawn left of its last digit."""
    script = """a => {
        const text = a.firstChild, range = document.createRange();
        range.setStart(text, 0); range.setEnd(text, 1);
        const first = range.getBoundingClientRect().left;
        range.setStart(text, text.length - 1); range.setEnd(text, text.length);
        return first < range.getBoundingClientRect().left;
    }"""
    return bool(page.locator(selector).first.evaluate(script))


@pytest.mark.parametrize("width", WIDTHS)
def test_choosing_puerto_rico_gets_united_states_help_said_plainly(
    browser: Browser, site: tuple[str, Mission], width: int
) -> None:
    url, _ = site
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url + "/find/")
    assert page.locator("#citizen option[value='AQ']").count() == 0  # no one is Antarctic
    page.select_option("#citizen", "PR")
    page.select_option("#in", "RU")
    page.get_by_role("button", name="Find help").click()
    main = page.locator("main")
    assert "You are Puerto Rican in Russia: 1 office that can help" in main.inner_text()
    note = page.locator(".nationality-note")
    assert note.is_visible()
    assert note.inner_text() == (
        "People of Puerto Rico hold passports of the United States: you are helped as a "
        "citizen of the United States."
    )
    assert "Embassy of the United States in Moscow" in main.inner_text()
    assert page.locator("a[href='tel:+12025014444']").is_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_phone_is_a_tel_link_on_one_line(
    browser: Browser, site: tuple[str, Mission], width: int
) -> None:
    url, embassy = site
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url + embassy.get_absolute_url())
    link = page.locator(TEL)
    assert link.count() == 1 and link.is_visible()
    assert link.inner_text() == "+7 495 925-60-00"
    assert link.evaluate("a => getComputedStyle(a).whiteSpace") == "nowrap"
    assert _on_one_line(page, TEL)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_phone_stays_left_to_right_on_the_arabic_page(
    browser: Browser, site: tuple[str, Mission], width: int
) -> None:
    url, embassy = site
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url + "/ar" + embassy.get_absolute_url())
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    link = page.locator(TEL)
    assert link.evaluate("a => getComputedStyle(a).direction") == "ltr"
    assert _on_one_line(page, TEL) and _reads_left_to_right(page, TEL)
