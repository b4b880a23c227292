"""The finder's `alerts`: the host country's active alerts (API, CLI)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from embassies.alerts.models import Severity
from tests.alerts.builders import ended, make_alert

pytestmark = pytest.mark.django_db


def test_api_lists_the_hosts_active_alerts_most_severe_first(client: Client) -> None:
    info = make_alert("RU", "Elections on Sunday", severity=Severity.INFORMATION)
    war = make_alert("RU", "Russia is currently at war in Ukraine")
    make_alert("RU", "Old", **ended())
    make_alert("CA", "Not the host")
    body = client.get("/api/v1/find", {"citizen": "CA", "in": "RU"}).json()
    assert body["alerts"] == [
        {
            "id": war.pk,
            "code": "RU",
            "headline": "Russia is currently at war in Ukraine",
            "level": 3,
            "severity": "crisis",
            "url": f"/alerts/#alert-{war.pk}",
        },
        {
            "id": info.pk,
            "code": "RU",
            "headline": "Elections on Sunday",
            "level": 1,
            "severity": "information",
            "url": f"/alerts/#alert-{info.pk}",
        },
    ]


def test_cli(client: Client) -> None:
    make_alert("RU", "Russia is currently at war in Ukraine")
    out = StringIO()
    call_command("find", "--citizen", "CA", "--in", "RU", "--json", stdout=out)
    assert [a["code"] for a in json.loads(out.getvalue())["alerts"]] == ["RU"]
