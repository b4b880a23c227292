"""Findable and finished: News and Alerts in the navigation, the home page's crisis alerts,
the API docs on a phone, the admin's name and /favicon.ico."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from embassies.alerts.models import Severity
from tests.alerts.builders import ended, make_alert

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


def test_news_and_alerts_are_in_the_main_navigation(client: Client) -> None:
    nav = _nav(client.get("/").content.decode())
    assert '<a href="/news/">News</a>' in nav and '<a href="/alerts/">Alerts</a>' in nav


def test_navigation_links_stay_in_the_page_language(client: Client) -> None:
    nav = _nav(client.get("/fr/").content.decode())
    assert 'href="/fr/news/"' in nav and 'href="/fr/alerts/"' in nav


def test_home_lists_active_crises_each_with_the_finder_for_its_country(client: Client) -> None:
    make_alert("RU", "Russia is currently at war in Ukraine")
    make_alert("FR", "Strikes in Paris", severity=Severity.INFORMATION)
    make_alert("UA", "Old news", **ended())
    html = client.get("/").content.decode()
    section = html[html.index('aria-labelledby="crises-title"') :]
    section = section[: section.index("</section>")]
    assert "Russia is currently at war in Ukraine" in section
    assert 'href="/find/?in=RU"' in section and "Find your country’s embassy in Russia" in section
    assert "Strikes in Paris" not in section and "Old news" not in section


def test_home_has_no_crisis_section_without_a_crisis(client: Client) -> None:
    make_alert("FR", "Strikes in Paris", severity=Severity.INFORMATION)
    assert "crises-title" not in client.get("/").content.decode()


def test_an_alert_saved_after_the_home_page_was_kept_shows_at_once(client: Client) -> None:
    assert "crises-title" not in client.get("/").content.decode()
    make_alert("RU", "Russia is currently at war in Ukraine")
    assert "Russia is currently at war in Ukraine" in client.get("/").content.decode()


def test_api_docs_fit_a_phone_and_link_back_to_the_site(client: Client) -> None:
    response = client.get("/api/v1/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<a href="/">Back to the directory of embassies and consulates</a>' in html
    assert "/static/ninja/swagger-ui-bundle.js" in html


def test_admin_carries_the_sites_name(client: Client) -> None:
    html = client.get(f"/{settings.ADMIN_PATH}login/").content.decode()
    assert "<title>Log in | Embassies administration</title>" in html
    assert "Django administration" not in html


def test_favicon_ico_answers_with_the_sites_icon(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    assert "max-age=86400" in response["Cache-Control"]
    assert "Content-Security-Policy" in response
