"""Editors manage alerts in the admin: list, filter by state, edit, end now."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from embassies.alerts.models import Alert
from tests.alerts.builders import ended, make_advisory, make_alert

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "x"))
    return client


def test_list_filters_by_state(editor: Client) -> None:
    make_alert("RU", "Russia is currently at war in Ukraine")
    make_alert("UA", "Air raid alerts", **ended())
    active = editor.get("/admin/alerts/alert/?state=active").content.decode()
    assert "Russia is currently at war" in active and "Air raid alerts" not in active


def test_add_form_and_advisory_list(editor: Client) -> None:
    make_advisory("US", "MM", 4)
    assert editor.get("/admin/alerts/alert/add/").status_code == 200
    assert "MM - Level 4" in editor.get("/admin/alerts/advisory/").content.decode()


def test_end_now_action(editor: Client) -> None:
    alert = make_alert("RU", "Russia is currently at war in Ukraine")
    response = editor.post(
        "/admin/alerts/alert/", {"action": "end_now", "_selected_action": [alert.pk]}, follow=True
    )
    alert.refresh_from_db()
    assert response.status_code == 200 and not alert.is_active() and alert.ends_at is not None


def test_an_end_before_the_start_is_a_form_error(editor: Client) -> None:
    alert = make_alert("RU", "Russia is currently at war in Ukraine")
    start = alert.starts_at
    data = {
        "country": "RU",
        "headline": alert.headline,
        "body": "",
        "severity": 3,
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": start.strftime("%H:%M:%S"),
        "ends_at_0": "2001-01-01",
        "ends_at_1": "00:00:00",
        "source": "editor",
        "source_url": "",
    }
    response = editor.post(f"/admin/alerts/alert/{alert.pk}/change/", data)
    assert response.status_code == 200 and "errornote" in response.content.decode()
    assert Alert.objects.get().ends_at is None
