"""In Chromium: an English article on the Arabic site reads left to right inside the
right-to-left page, on a phone and on a desktop; a map whose tiles cannot load says so."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from tests.factories import make_mission
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db(transaction=True)

BODY = (
    "<p>The President said on Wednesday that the summit with Russia was on the cards (in "
    "Helsinki), and that the two leaders would meet in July.</p>"
)
TITLE = "Trump congratulates Putin: summit on cards."
DIRECTION = "e => [e.lang, e.dir, getComputedStyle(e).direction]"


@pytest.mark.parametrize("width", [390, 1280])
def test_english_article_on_the_arabic_site_reads_left_to_right(
    browser: Browser, live_server: Any, width: int
) -> None:
    article = make_article(TITLE, datetime(2018, 3, 21, 9, tzinfo=UTC), {"RU": 1.0}, body=BODY)
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{live_server.url}/ar{article.get_absolute_url()}")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    heading = page.get_by_role("heading", level=1)
    assert heading.evaluate(DIRECTION) == ["en", "ltr", "ltr"]
    assert page.locator(".article__body").evaluate(DIRECTION) == ["en", "ltr", "ltr"]
    # Left to right: the full stop stays at the end, on the right of the words before it.
    ends = heading.evaluate(
        """h => { const r = document.createRange(), t = h.firstChild;
        r.setStart(t, 0); r.setEnd(t, 5); const first = r.getBoundingClientRect().left;
        r.setStart(t, t.length - 1); r.setEnd(t, t.length);
        return [first, r.getBoundingClientRect().left]; }"""
    )
    assert ends[0] < ends[1]
    # The page's own words stay right to left around it.
    assert page.locator("article header p").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_map_says_in_words_when_its_tiles_cannot_load(
    browser: Browser, live_server: Any, settings: Any
) -> None:
    settings.MAP_TILE_URL = live_server.url + "/static/web/no-such-tile.png?{z}/{x}/{y}"
    mission = make_mission(lat=55.7478, lon=37.5953)
    page = browser.new_page()
    page.goto(live_server.url + "/fr" + mission.get_absolute_url())
    expect(page.locator(".map.leaflet-container")).to_have_count(1)
    notice = page.locator(".map-notice")
    expect(notice).to_be_visible()
    assert notice.get_attribute("role") == "status"
    assert notice.inner_text() == page.locator("[data-map]").get_attribute("data-tiles-failed")
    assert page.locator(".map-notice").count() == 1  # once, however many tiles failed
