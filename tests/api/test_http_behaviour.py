"""HTTP manners of the API: conditional requests, CORS for reads, rate limits."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def test_etag_and_if_none_match_give_304(client: Client) -> None:
    make_mission(wikidata="Q1")
    first = client.get("/api/v1/missions/Q1")
    assert first.status_code == 200 and first["ETag"]
    again = client.get("/api/v1/missions/Q1", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_last_modified_and_if_modified_since_give_304(client: Client) -> None:
    make_mission(wikidata="Q1")
    first = client.get("/api/v1/missions/Q1")
    again = client.get("/api/v1/missions/Q1", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_a_changed_mission_is_sent_again(client: Client) -> None:
    mission = make_mission(wikidata="Q1")
    etag = client.get("/api/v1/missions/Q1")["ETag"]
    mission.city = "Moskva"
    mission.save()
    assert client.get("/api/v1/missions/Q1", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_reads_are_open_to_other_sites(client: Client) -> None:
    make_mission(wikidata="Q1")
    response = client.get("/api/v1/missions/Q1", HTTP_ORIGIN="https://travel.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN="https://x.example")


def test_anonymous_clients_are_rate_limited_with_retry_after(client: Client, settings: Any) -> None:
    settings.API_ANON_RATE = "3/m"
    responses = [client.get("/api/v1/countries/RU") for _ in range(5)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429, 429]
    limited = responses[-1]
    assert int(limited["Retry-After"]) >= 1
    assert limited.json()["error"]["code"] == "too_many_requests"
