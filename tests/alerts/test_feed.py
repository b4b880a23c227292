"""The Atom feed of alert changes: raised, edited, ended, latest change first."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.alerts.builders import ended, make_alert

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client: Client) -> list[dict[str, Any]]:
    """Parsed with feedparser when the project has it, else with defusedxml."""
    response = client.get("/alerts/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/atom+xml"
    )
    try:
        import feedparser
    except ImportError:
        from defusedxml.ElementTree import fromstring

        root = fromstring(response.content)
        assert root.tag == f"{ATOM}feed"
        return [
            {
                "title": e.findtext(f"{ATOM}title"),
                "id": e.findtext(f"{ATOM}id"),
                "updated": e.findtext(f"{ATOM}updated"),
            }
            for e in root.iter(f"{ATOM}entry")
        ]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and parsed.version == "atom10"
    return [{"title": e.title, "id": e.id, "updated": e.updated} for e in parsed.entries]


def test_entries_name_the_change_newest_first(client: Client) -> None:
    make_alert("UA", "Air raid alerts", **ended(hours_ago=3))
    make_alert("RU", "Russia is currently at war in Ukraine")
    titles = [e["title"] for e in entries(client)]
    assert titles == [
        "Active: Russia: Russia is currently at war in Ukraine",
        "Ended: Ukraine: Air raid alerts",
    ]


def test_an_alert_that_ends_by_itself_moves_to_the_top(client: Client) -> None:
    long_ago = timezone.now() - timedelta(days=9)
    old = make_alert("UA", "Air raid alerts", starts_at=long_ago)
    war = make_alert("RU", "Russia is currently at war in Ukraine", starts_at=long_ago)
    # Last edited nine days ago; the Ukrainian one was set to end a minute ago.
    type(old).objects.filter(pk__in=[old.pk, war.pk]).update(updated_at=long_ago)
    type(old).objects.filter(pk=old.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    found = entries(client)
    assert found[0]["title"] == "Ended: Ukraine: Air raid alerts"
    assert found[0]["id"].endswith(f"/alerts/#alert-{old.pk}")


def test_empty_feed_is_valid(client: Client) -> None:
    assert entries(client) == []
