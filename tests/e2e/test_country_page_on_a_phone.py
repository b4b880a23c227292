"""A long country page on a 390 px phone: the index jumps to a sending state's group (with or
without JavaScript), the filter box narrows the groups as one types and says how many are left;
and the home page's index in Russian and Arabic order."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from embassies.countries import reference
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# Enough sending states for a page many screens long, with the names collation is about.
SENDERS = ["CI", "AX", "ES", "AU", "JO", "DE", "BE", "IS", "CA", "ZM", "ZW"]


@pytest.fixture
def long_page(settings: Any, live_server: Any) -> str:
    settings.MAP_TILE_URL = ""  # no map: the test is about the list
    russia = make_country("RU", "Russia")
    states = [f for f in reference.all_countries() if f.is_state and f.code != "RU"]
    codes = [*SENDERS, *(f.code for f in states[:60] if f.code not in SENDERS)]
    for code in codes:
        facts = reference.get(code)
        assert facts is not None
        sender = make_country(code, facts.name)
        make_mission(sending=sender, host=russia, city="Moscow")
        make_mission(sending=sender, host=russia, city="Saint Petersburg", kind="consulate")
    return str(live_server.url)


def phone(browser: Browser, **options: Any) -> BrowserContext:
    return browser.new_context(**PHONE, **options)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_index_jumps_to_a_sending_states_group(
    browser: Browser, long_page: str, javascript: bool
) -> None:
    context = phone(browser, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(long_page + "/countries/russia/")
    heading = page.locator("#g-ZW")
    expect(heading).not_to_be_in_viewport()
    page.locator("nav.group-index").get_by_role("link", name="Zimbabwe", exact=True).click()
    expect(heading).to_be_in_viewport()
    assert page.url.endswith("/countries/russia/#g-ZW")
    # The filter box needs the script; without it, it stays out of the way.
    expect(page.get_by_label("Filter countries by name")).to_be_visible(visible=javascript)
    context.close()


def test_the_filter_narrows_the_groups_and_says_how_many_are_left(
    browser: Browser, long_page: str
) -> None:
    context = phone(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(long_page + "/countries/russia/")
    groups = page.locator("section.group")
    total = groups.count()
    assert total > 60
    page.get_by_label("Filter countries by name").fill("cote")  # no accent, no capital
    expect(page.locator("section.group:visible")).to_have_count(1)
    expect(page.locator("section.group:visible h2")).to_contain_text("Côte d’Ivoire")
    expect(page.locator("nav.group-index li:visible")).to_have_count(1)
    expect(page.locator("#group-filter-count")).to_have_text(f"Countries shown: 1 of {total}")
    page.get_by_label("Filter countries by name").fill("")
    expect(page.locator("section.group:visible")).to_have_count(total)
    expect(page.locator("#group-filter-count")).to_have_text(f"Countries shown: {total} of {total}")
    assert errors == []
    context.close()


def test_home_index_in_russian_and_arabic_order(browser: Browser, long_page: str) -> None:
    context = phone(browser)
    page = context.new_page()
    page.goto(long_page + "/ru/")
    letters = page.locator("#countries h3.letter").all_inner_texts()
    # The Russian alphabet's letters (А to Я run in its order), none of the Latin one.
    assert letters[0] == "А" and letters == sorted(letters)
    assert all("А" <= letter <= "Я" for letter in letters)
    first = page.locator("#countries .country-list").first.locator("a").all_inner_texts()
    assert first[:3] == ["Австралия", "Австрия", "Азербайджан"]
    page.goto(long_page + "/ar/")
    assert page.locator("#countries h3.letter").first.inner_text() == "ا"
    alef = page.locator("#countries .country-list").first.locator("a").all_inner_texts()
    # Iceland, Spain, Australia, Jordan: alef with madda, hamza below, above, then bare.
    assert [n for n in alef if n in ("آيسلندا", "إسبانيا", "أستراليا", "الأردن")] == [
        "آيسلندا",
        "إسبانيا",
        "أستراليا",
        "الأردن",
    ]
    page.locator("nav.letters").get_by_role("link", name="ب", exact=True).click()
    expect(page.locator("#countries h3.letter").nth(1)).to_be_in_viewport()
    context.close()
