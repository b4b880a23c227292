"""Offline: a mission or finder page the person visited opens with the network off, saying the
day it was saved; a page never visited says it was not saved rather than pretend."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page

from tests.web import sample_site

pytestmark = pytest.mark.django_db(transaction=True)

SAVED = (
    "caches.open('embassies-pages-v1').then(c => c.match(location.href, {ignoreVary: true}))"
    ".then(r => !!r)"
)


def wait_saved(page: Page, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not page.evaluate(SAVED):
        assert time.monotonic() < deadline, f"{page.url} was not saved"
        page.wait_for_timeout(100)


@pytest.fixture
def site(settings: Any, live_server: Any) -> tuple[str, sample_site.Site]:
    settings.MAP_TILE_URL = ""
    return str(live_server.url), sample_site.build()


def visit(context: BrowserContext, url: str) -> Page:
    """Open a page online and wait until the service worker has saved it."""
    page = context.new_page()
    page.goto(url)
    wait_saved(page)
    return page


def test_a_visited_mission_page_opens_offline_with_its_saved_date(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, built = site
    context = browser.new_context()
    url = base + built.embassy.get_absolute_url()
    page = visit(context, url)
    context.set_offline(True)
    page.reload()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Embassy of Canada in Moscow, Russia"
    )
    note = page.locator(".offline-notice").inner_text()
    today = timezone.now()
    assert f"Saved on {today.day} {today:%B %Y}, may be out of date" in note
    assert page.evaluate("getComputedStyle(document.querySelector('.offline-notice')).fontWeight")
    assert page.locator("main a[href='tel:+74959256000']").count() == 1  # the point of it
    context.close()


def test_a_finder_answer_visited_later_in_the_session_opens_offline(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, _ = site
    context = browser.new_context()
    home = context.new_page()
    home.goto(base + "/")  # the worker installs here; the home page itself is not kept
    assert home.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")
    assert not home.evaluate(SAVED)
    finder = base + "/find/?citizen=CA&in=RU"
    visit(context, finder).close()
    context.set_offline(True)
    page = context.new_page()
    page.goto(finder)
    assert "You are Canadian in Russia" in page.inner_text("main")
    assert "Saved on" in page.locator(".offline-notice").inner_text()
    context.close()


def test_a_page_never_visited_does_not_pretend_to_be_there(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, built = site
    context = browser.new_context()
    visit(context, base + built.embassy.get_absolute_url())
    context.set_offline(True)
    page = context.new_page()
    response = page.goto(base + built.other.get_absolute_url())
    assert response is not None and response.status == 503
    assert page.get_by_role("heading", level=1).inner_text() == "You are offline"
    assert "not saved" in page.inner_text("main")
    assert "Embassy of Australia" not in page.content()
    context.close()


def test_online_the_network_answer_is_shown_not_the_copy(
    browser: Browser, site: tuple[str, sample_site.Site]
) -> None:
    base, built = site
    context = browser.new_context()
    url = base + built.embassy.get_absolute_url()
    page = visit(context, url)
    built.embassy.address = "New address 1"
    built.embassy.save()
    page.reload()
    assert "New address 1" in page.inner_text("main")
    assert page.locator(".offline-notice").count() == 0
    context.close()
