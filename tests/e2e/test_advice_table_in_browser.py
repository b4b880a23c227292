"""In Chromium: the country page's official travel advice, side by side. On a 390 px phone each
issuer's row is a card labelled with its columns' names, in English and on the right-to-left
Arabic page, with the German wording read left to right; the cards are still a table to a
screen reader, and axe finds nothing wrong. On a desktop each issuer is one row."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from embassies.alerts.models import Advisory
from tests.e2e.test_accessibility import axe, describe

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DIRECTION = "e => [e.lang, getComputedStyle(e).direction]"


@pytest.fixture
def russia(settings: Any, live_server: Any) -> str:
    """The United States says do not travel to Russia; Germany warns about parts of it."""
    settings.MAP_TILE_URL = ""  # no map: the test is about the table
    published = datetime(2026, 9, 21, 9, 0, tzinfo=UTC)
    for issuer, level, words, parts_only in (
        ("US", 4, "Level 4: Do Not Travel", False),
        ("DE", 3, "Teilreisewarnung", True),
    ):
        Advisory.objects.create(
            issuer=issuer,
            country_id="RU",
            level=level,
            parts_only=parts_only,
            issuer_level=words,
            title="Russia travel advice",
            link=f"https://example.org/{issuer}/RU",
            published=published,
        )
    return f"{live_server.url}/countries/russia/"


def country_page(browser: Browser, url: str, **options: Any) -> Page:
    # axe is injected as an inline script: the page's CSP would refuse it (as it should).
    page = browser.new_context(bypass_csp=True, **options).new_page()
    page.goto(url)
    return page


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_phone_each_issuer_is_a_labelled_card_in_the_pages_direction(
    browser: Browser, russia: str, language: str
) -> None:
    url = russia.replace("/countries/", "/ar/countries/") if language == "ar" else russia
    page = country_page(browser, url, **PHONE)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing off screen
    us = page.locator('tbody[data-country="RU"] tr[data-issuer="US"]')
    de = page.locator('tbody[data-country="RU"] tr[data-issuer="DE"]')
    expect(us).to_be_visible()
    expect(de).to_be_visible()
    first, second = de.bounding_box(), us.bounding_box()  # DE before US: by issuer code
    assert first and second and first["y"] + first["height"] <= second["y"]  # stacked cards
    # Each cell says which column it is in, with the header's own words.
    header = page.locator(".advice-table thead th").nth(1).text_content()
    label = de.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content")
    assert header and header in label
    expect(de.locator("td.advice-parts")).to_be_visible()
    german = de.locator('a[lang="de"]')
    expect(german).to_have_text("Teilreisewarnung")
    assert german.evaluate(DIRECTION) == ["de", "ltr"]
    page_direction = "rtl" if language == "ar" else "ltr"
    assert de.locator("td").first.evaluate("td => getComputedStyle(td).direction") == page_direction
    violations = axe(page)
    assert not violations, describe(violations)
    page.context.close()


def test_the_cards_are_still_a_table_to_a_screen_reader(browser: Browser, russia: str) -> None:
    page = country_page(browser, russia, **PHONE)
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    roles = [node["role"]["value"] for node in tree["nodes"] if "role" in node]
    assert roles.count("table") == 1 and roles.count("columnheader") == 5
    assert roles.count("rowheader") == 2 and roles.count("cell") == 8
    page.context.close()


def test_on_a_desktop_each_issuer_is_one_row(browser: Browser, russia: str) -> None:
    page = country_page(browser, russia, viewport={"width": 1280, "height": 800})
    row = page.locator('tr[data-issuer="DE"]')
    tops = row.locator("th, td").evaluate_all(
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(tops) == 5 and len(set(tops)) == 1
    expect(page.locator(".advice-table thead")).to_be_visible()
    page.context.close()
