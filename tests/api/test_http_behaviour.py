"""HTTP manners of the API: conditional requests, CORS for reads, rate limits."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from django.test import Client

from embassies.api.models import ApiToken
from embassies.directory.models import Mission
from embassies.lib.rates import Rate
from tests.conftest import unreachable_cache
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
    settings.API_ANON_RATE = Rate(3, 60)
    responses = [client.get("/api/v1/countries/RU") for _ in range(5)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429, 429]
    limited = responses[-1]
    assert int(limited["Retry-After"]) >= 1
    assert limited.json()["error"]["code"] == "too_many_requests"


def _own_address() -> Client:
    # An address of its own per test: counters in a shared Redis must not meet another run's.
    return Client(REMOTE_ADDR=f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}")


def refused_secret(revoked: bool) -> str:
    """A token secret the API refuses: a revoked token's, or a wrong one."""
    token, secret = ApiToken.issue("old-bot")
    if revoked:
        token.revoke()
        return secret
    return secret + "-wrong"


def _patch_city(client: Client, city: str, secret: str) -> Any:
    return client.patch(
        "/api/v1/missions/Q1",
        json.dumps({"city": city}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )


def test_a_token_client_over_its_rate_gets_429_with_retry_after(settings: Any) -> None:
    settings.API_TOKEN_RATE = Rate(3, 60)
    make_mission(wikidata="Q1")
    secret = ApiToken.issue("sync-bot")[1]
    client = _own_address()
    responses = [_patch_city(client, city, secret) for city in ("A", "B", "C", "D")]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    limited = responses[-1]
    assert int(limited["Retry-After"]) >= 1
    assert limited.json()["error"] == {
        "code": "too_many_requests",
        "message": "Too many requests; slow down.",
        "details": None,
    }
    assert Mission.objects.get(wikidata="Q1").city == "C", "the refused write was not made"


def test_two_tokens_are_counted_apart(settings: Any) -> None:
    settings.API_TOKEN_RATE = Rate(2, 60)
    make_mission(wikidata="Q1")
    first, second = ApiToken.issue("bot-one")[1], ApiToken.issue("bot-two")[1]
    client = _own_address()  # one address for both: only the token tells them apart
    assert [_patch_city(client, c, first).status_code for c in "ABC"] == [200, 200, 429]
    assert [_patch_city(client, c, second).status_code for c in "DE"] == [200, 200]
    assert _patch_city(client, "F", second).status_code == 429


def test_a_token_client_is_not_limited_by_the_anonymous_rate(settings: Any) -> None:
    settings.API_ANON_RATE = Rate(2, 60)
    settings.API_TOKEN_RATE = Rate(100, 60)
    make_mission(wikidata="Q1")
    secret = ApiToken.issue("sync-bot")[1]
    client = _own_address()
    # The token's requests do not spend the address's anonymous allowance...
    assert [_patch_city(client, c, secret).status_code for c in "ABC"] == [200, 200, 200]
    reads = [client.get("/api/v1/countries/RU").status_code for _ in range(3)]
    assert reads == [200, 200, 429]
    # ...and an address over its anonymous limit does not stop the token.
    assert [_patch_city(client, c, secret).status_code for c in "DE"] == [200, 200]


@pytest.mark.parametrize(
    ("revoked", "status", "code"), [(False, 401, "unauthorized"), (True, 403, "token_revoked")]
)
def test_a_refused_token_is_answered_as_before_not_counted(
    settings: Any, revoked: bool, status: int, code: str
) -> None:
    settings.API_ANON_RATE = settings.API_TOKEN_RATE = Rate(1, 60)
    make_mission(wikidata="Q1")
    secret = refused_secret(revoked)
    client = _own_address()
    answers = [_patch_city(client, c, secret) for c in "ABC"]
    assert [a.status_code for a in answers] == [status] * 3, "refused, never throttled"
    assert {a.json()["error"]["code"] for a in answers} == {code}
    assert Mission.objects.get(wikidata="Q1").city == "Moscow"


def test_a_cache_outage_lets_token_requests_through(settings: Any) -> None:
    settings.CACHES = unreachable_cache("embassies.lib.cache.TolerantRedisCache")
    settings.API_TOKEN_RATE = Rate(1, 60)
    make_mission(wikidata="Q1")
    secret = ApiToken.issue("sync-bot")[1]
    client = _own_address()
    assert [_patch_city(client, c, secret).status_code for c in "ABC"] == [200, 200, 200]


def test_public_reads_with_a_token_are_counted_as_the_tokens(settings: Any) -> None:
    settings.API_ANON_RATE = Rate(2, 60)
    settings.API_TOKEN_RATE = Rate(4, 60)
    secret = ApiToken.issue("reader-bot")[1]
    client = _own_address()
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    reads = [client.get("/api/v1/countries/RU", **bearer).status_code for _ in range(5)]
    assert reads == [200, 200, 200, 200, 429], "the token's rate, not the address's"
    # The address's own allowance was not spent by the token's reads.
    assert [client.get("/api/v1/countries/RU").status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.parametrize("revoked", [False, True])
def test_a_public_read_with_a_bad_token_is_answered_and_counted_as_anonymous(
    settings: Any, revoked: bool
) -> None:
    settings.API_ANON_RATE = Rate(2, 60)
    secret = refused_secret(revoked)
    client = _own_address()
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    reads = [client.get("/api/v1/countries/RU", **bearer).status_code for _ in range(3)]
    assert reads == [200, 200, 429]
