"""Each issuer's advisory level side by side on the country page; level 3 is a notice only."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.alerts.builders import make_advisory

pytestmark = pytest.mark.django_db


def test_levels_side_by_side(client: Client) -> None:
    make_advisory("US", "MX", 2, "Mexico Travel Advisory")
    make_advisory("GB", "MX", 1, "Mexico travel advice")
    html = client.get("/countries/mexico/").content.decode()
    assert "Official travel advice for Mexico" in html
    assert html.index("US Department of State") < html.index("Mexico Travel Advisory")
    assert '<tr data-issuer="GB"' in html and 'href="https://example.org/GB/MX"' in html
    assert "alert-banner" not in html and 'role="note"' not in html


def test_level_3_is_a_notice_without_a_banner(client: Client) -> None:
    make_advisory("US", "IL", 3)
    html = client.get("/countries/israel/").content.decode()
    assert (
        '<p class="notice" role="note">The US Department of State advises travellers to '
        "reconsider travel to Israel (level 3 of 4).</p>"
    ) in html
    assert "alert-banner" not in html


def test_no_advisories_no_section(client: Client) -> None:
    assert "Official travel advice" not in client.get("/countries/canada/").content.decode()
