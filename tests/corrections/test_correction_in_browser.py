"""A visitor suggests a correction in a real browser, from the mission page to the thanks."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser

from embassies.corrections.models import Correction, State
from tests.e2e.conftest import browser  # noqa: F401  the real Chromium fixture
from tests.factories import make_mission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_suggesting_a_correction(browser: Browser, live_server: Any, javascript: bool) -> None:  # noqa: F811
    mission = make_mission(address="Starokonyushenny 23", phones=["+7 495 925-60-00"])
    page = browser.new_context(java_script_enabled=javascript).new_page()
    errors: list[str] = []  # script errors and error answers
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(live_server.url + mission.get_absolute_url())
    page.get_by_role("link", name="Suggest a correction").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Suggest a correction"
    assert page.get_by_label("Address", exact=True).input_value() == "Starokonyushenny 23"
    assert not page.locator("#id_homepage").is_visible() or _off_screen(page)

    page.get_by_label("Opening hours").fill("Mo-Fr 9-")  # a mistake first
    page.get_by_role("button", name="Send the correction").click()
    assert "OpenStreetMap syntax" in page.locator("#id_opening_hours_error").inner_text()
    page.get_by_label("Opening hours").fill("Mo-Fr 09:00-13:00")
    page.get_by_label("Comment", exact=True).fill("Hours from the embassy's notice board.")
    page.get_by_role("button", name="Send the correction").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Thank you"
    assert "An editor will review it" in page.content()
    correction = Correction.objects.get()
    assert correction.status == State.PENDING
    assert correction.changes == {"opening_hours": "Mo-Fr 09:00-13:00"}
    # The one error answer is the form sent back with the mistake marked (400).
    assert errors == [f"400 {live_server.url}/missions/{mission.pk}/correct/"]


def _off_screen(page: Any) -> bool:
    box = page.locator("#id_homepage").bounding_box()
    return box is None or box["x"] + box["width"] <= 0
