"""Printing a mission page or the emergency card: no navigation, map or forms; addresses and
phones large; where links go written out."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.web import sample_site

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(settings: Any, live_server: Any) -> tuple[str, sample_site.Site]:
    settings.MAP_TILE_URL = live_server.url + "/static/web/favicon.svg?{z}/{x}/{y}"
    return str(live_server.url), sample_site.build()


def printed(browser: Browser, url: str) -> Page:
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    return page


def px(page: Page, selector: str) -> float:
    return float(page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)"))


def test_a_printed_mission_page_keeps_the_facts_and_drops_the_rest(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, built = site
    page = printed(browser, base + built.embassy.get_absolute_url())
    for hidden in (".site-header", ".map", "footer", ".breadcrumbs", ".actions"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("address").is_visible()
    assert px(page, "address") >= 18  # 14pt
    assert px(page, "main a[href^='tel:']") >= 21  # 16pt
    website = page.eval_on_selector(
        "main a[href^='https://www.canadainternational']",
        "e => getComputedStyle(e, '::after').content",
    )
    assert "https://www.canadainternational.gc.ca/russia-russie/" in website


def test_the_emergency_card_prints_on_one_page(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, _ = site
    page = printed(browser, base + "/find/card/?citizen=CA&in=RU")
    assert not page.locator(".site-header").is_visible()
    assert page.locator(".card-phones .phone").first.is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
