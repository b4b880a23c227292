"""Content-Security-Policy without 'unsafe-inline' on every page, pages that need no inline
script or style, and no violation reported by Chromium on any of them (nor the API docs)."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.test import Client
from playwright.sync_api import Browser

from embassies.web.csp import origin, policy
from tests.e2e.conftest import browser  # noqa: F401  (the real Chromium fixture)
from tests.web import sample_site

DATA_SCRIPTS = {"application/ld+json", "application/json"}


@pytest.fixture
def site(db: None) -> sample_site.Site:
    return sample_site.build()


def _directives(header: str) -> dict[str, list[str]]:
    parts = (d.split() for d in header.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


def test_every_page_has_the_policy_without_unsafe_inline(
    client: Client, site: sample_site.Site, settings: Any
) -> None:
    for name, url in site.pages().items():
        response = client.get(url)
        header = response["Content-Security-Policy"]
        assert "unsafe-inline" not in header and "unsafe-eval" not in header, name
        rules = _directives(header)
        assert rules["default-src"] == ["'self'"]
        assert rules["script-src"] == ["'self'"] and rules["style-src"] == ["'self'"]
        assert {
            "'self'",
            "data:",
            "https://tile.openstreetmap.org",
            "https://upload.wikimedia.org",
        } <= set(rules["img-src"]), name


def test_pages_carry_no_inline_script_or_style(client: Client, site: sample_site.Site) -> None:
    for name, url in site.pages().items():
        doc = lxml.html.fromstring(client.get(url).content)
        assert not doc.xpath("//*[@style]"), name
        assert not doc.xpath("//style"), name
        assert not doc.xpath("//*[@*[starts-with(name(), 'on')]]"), name
        inline = [s for s in doc.xpath("//script[not(@src)]") if s.get("type") not in DATA_SCRIPTS]
        assert not inline, name


def test_the_tile_host_comes_from_the_setting() -> None:
    assert origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert origin("") == "" and origin("tiles/{z}/{x}/{y}.png") == ""
    assert (
        "https://maps.example.org"
        in policy("https://maps.example.org/{z}/{x}/{y}.png")["DIRECTIVES"]["img-src"]
    )
    assert policy("")["DIRECTIVES"]["img-src"][:2] == ["'self'", "data:"]


def test_an_article_picture_is_allowed_on_its_page_alone(client: Client, db: None) -> None:
    site = sample_site.build()
    site.article.image_url = "https://images.example.net/summit.jpg"
    site.article.save()
    for _ in range(2):  # the second answer may come from the page cache: same policy
        response = client.get(site.article.get_absolute_url())
        article = _directives(response["Content-Security-Policy"])
        assert "https://images.example.net" in article["img-src"]
        assert "unsafe-inline" not in response["Content-Security-Policy"]
    home = _directives(client.get("/")["Content-Security-Policy"])
    assert "https://images.example.net" not in home["img-src"]


@pytest.mark.django_db(transaction=True)
def test_chromium_reports_no_violation_on_any_page(
    browser: Browser,  # noqa: F811
    live_server: Any,
    settings: Any,
) -> None:
    # Map tiles from this server: the map is drawn (Leaflet and its styles run) with no network.
    settings.MAP_TILE_URL = live_server.url + "/static/web/print.css?{z}/{x}/{y}"
    site = sample_site.build()
    page = browser.new_page()
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.on("pageerror", lambda e: violations.append(str(e)))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    for name, url in [*site.pages().items(), ("api docs", "/api/v1/docs")]:
        response = page.goto(live_server.url + url)
        assert response is not None and response.ok, name
        assert "unsafe-inline" not in response.headers["content-security-policy"], name
        page.wait_for_load_state("networkidle")
        assert violations == [], f"{name}: {violations}"
    page.goto(live_server.url + site.embassy.get_absolute_url())
    assert page.locator(".leaflet-container").count() == 1  # the map script ran
    page.goto(live_server.url + "/api/v1/docs")
    page.get_by_text("GET").first.wait_for()  # Swagger UI drew the operations
    assert violations == []
    # The listener does hear violations: an inline style attribute is refused and reported.
    page.goto(live_server.url + "/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_timeout(200)
    assert any("style-src" in v for v in violations), violations


def test_commons_photos_are_asked_for_over_https(client: Client, site: sample_site.Site) -> None:
    doc = lxml.html.fromstring(client.get(site.embassy.get_absolute_url()).content)
    (src,) = doc.xpath("//figure[@class='photo']/img/@src")
    assert src.startswith("https://commons.wikimedia.org/wiki/Special:FilePath/")
