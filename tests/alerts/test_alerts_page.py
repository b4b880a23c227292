"""/alerts/: active alerts, then every country's advisory level per issuer in a table."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.alerts.models import Severity
from tests.alerts.builders import ended, make_advisory, make_alert
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def test_active_alerts_most_severe_first(client: Client) -> None:
    make_alert("FR", "Strikes in Paris", severity=Severity.INFORMATION)
    war = make_alert("RU", "Russia is currently at war in Ukraine", body="Flights suspended.")
    make_alert("UA", "Old news", **ended())
    html = client.get("/alerts/").content.decode()
    assert html.index("Russia is currently at war") < html.index("Strikes in Paris")
    assert "Old news" not in html and "Flights suspended." in html
    assert f'id="alert-{war.pk}"' in html and 'href="/find/?in=RU"' in html
    assert 'type="application/atom+xml"' in html


def test_affected_missions_are_listed(client: Client) -> None:
    embassy = make_mission()
    make_alert("RU", "Consular services suspended").missions.add(embassy)
    html = client.get("/alerts/").content.decode()
    assert f'href="{embassy.get_absolute_url()}"' in html


def test_levels_table(client: Client) -> None:
    make_advisory("US", "MM", 4)
    make_advisory("GB", "MM", 4)
    make_advisory("US", "DE", 1)
    html = client.get("/alerts/").content.decode()
    table = html[html.index("Travel advisory levels") :]
    assert table.index("Germany") < table.index("Myanmar")
    assert '<th scope="col">GB</th><th scope="col">US Department of State</th>' in table
    assert table.count(">Level 4<") == 2 and "none" in table  # Germany has no GB level


def test_empty_page(client: Client) -> None:
    html = client.get("/alerts/").content.decode()
    assert "No alert is active." in html and "No travel advisories have been imported" in html
