"""WCAG 2.2 AA as axe-core measures it, in Chromium: zero violations on every kind of page,
the alert banner announced, the search and the finder usable from the keyboard alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.web import sample_site

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def site(settings: Any, live_server: Any) -> tuple[str, sample_site.Site]:
    settings.MAP_TILE_URL = live_server.url + "/static/web/print.css?{z}/{x}/{y}"
    return str(live_server.url), sample_site.build()


def new_page(browser: Browser, **options: Any) -> Page:
    # axe is injected as an inline script: the page's CSP would refuse it (as it should).
    return browser.new_context(bypass_csp=True, **options).new_page()


def axe(page: Page) -> list[dict[str, Any]]:
    assert AXE.is_file(), f"{AXE} missing: `make test` runs `npm ci` first"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    return json.dumps(
        [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in violations
        ],
        indent=1,
    )


def test_no_violation_on_any_page(browser: Browser, site: tuple[str, sample_site.Site]) -> None:
    base, built = site
    page = new_page(browser)
    found = {}
    for name, url in built.pages().items():
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        violations = axe(page)
        if violations:
            found[name] = describe(violations)
    assert not found, "\n".join(f"{name}: {text}" for name, text in found.items())


def test_no_violation_on_a_narrow_screen(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, built = site
    page = new_page(browser, viewport={"width": 360, "height": 740})
    for url in ("/", built.embassy.get_absolute_url(), "/find/?citizen=CA&in=RU"):
        page.goto(base + url)
        violations = axe(page)
        assert not violations, f"{url}: {describe(violations)}"


def test_the_alert_banner_is_a_labelled_note_read_in_page_order(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, built = site
    page = new_page(browser)
    page.goto(base + built.embassy.get_absolute_url())
    banner = page.get_by_role("complementary", name="Consular assistance in Russia")
    assert "Russia is currently at war in Ukraine" in banner.inner_text()
    # Present when the page loads, so no live region: it is read in order, before the h1.
    assert banner.get_attribute("aria-live") is None
    order = page.evaluate(
        "() => document.querySelector('.alert-banner').compareDocumentPosition("
        "document.querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert order


def test_search_and_finder_from_the_keyboard(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, _ = site
    page = new_page(browser)
    page.goto(base + "/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    page.focus("#q")
    page.keyboard.type("canadian embassy moscow")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=canadian*")
    page.keyboard.press("Tab")
    page.locator("a", has_text="Embassy of Canada in Moscow, Russia").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/missions/**")
    page.goto(base + "/find/")
    page.focus("#citizen")
    page.keyboard.type("Canada")
    page.keyboard.press("Tab")
    page.keyboard.type("Russia")
    for _ in range(4):  # near, its hint-less button (hidden without location), then submit
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/find/?citizen=CA&in=RU*")
    assert "You are Canadian in Russia" in page.inner_text("main")


def test_focus_is_visible_on_links_and_buttons(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, _ = site
    page = new_page(browser)
    page.goto(base + "/search/")
    page.focus("button[type=submit]")
    focused = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    page.focus("#q")
    unfocused = page.evaluate(
        "getComputedStyle(document.querySelector('button[type=submit]')).backgroundColor"
    )
    assert focused != unfocused
