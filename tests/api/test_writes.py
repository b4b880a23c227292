"""Editors' writes with a token: missing, wrong and revoked tokens refused; changes recorded."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.test import Client

from embassies.api.models import ApiToken
from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def token() -> str:
    return ApiToken.issue("newsroom-bot")[1]


def patch(client: Client, ref: str, body: object, token: str | None) -> object:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.patch(
        f"/api/v1/missions/{ref}", json.dumps(body), content_type="application/json", **headers
    )


def test_patch_changes_the_mission_and_records_who(client: Client, token: str) -> None:
    mission = make_mission(wikidata="Q4374011")
    response = patch(client, "Q4374011", {"phones": ["+7 495 925 6000"], "city": "Moscow"}, token)
    assert response.status_code == 200, response.content
    assert response.json()["phones"] == ["+74959256000"]
    mission.refresh_from_db()
    assert mission.sources["phones"] == "editor:api:newsroom-bot"
    last = mission.history.latest()
    assert last.history_change_reason == "edited by editor:api:newsroom-bot"
    assert last.phones == ["+7 495 925 6000"]


@pytest.mark.parametrize(("header", "status"), [(None, 401), ("wrong-token", 401)])
def test_missing_or_wrong_token_is_401(client: Client, header: str | None, status: int) -> None:
    make_mission(wikidata="Q1")
    response = patch(client, "Q1", {"city": "X"}, header)
    assert response.status_code == status
    assert response.json()["error"]["code"] == "unauthorized"
    assert Mission.objects.get(wikidata="Q1").city == "Moscow"


def test_revoked_token_is_403(client: Client, token: str) -> None:
    make_mission(wikidata="Q1")
    ApiToken.objects.get(name="newsroom-bot").revoke()
    response = patch(client, "Q1", {"city": "X"}, token)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "token_revoked"


def test_invalid_values_are_422_with_field_details(client: Client, token: str) -> None:
    make_mission(wikidata="Q1")
    response = patch(client, "Q1", {"status": "exploded", "website": "not a url"}, token)
    assert response.status_code == 422
    assert {"status", "website"} <= set(response.json()["error"]["details"])


def test_post_creates_a_mission_held_by_the_editor(client: Client, token: str) -> None:
    make_country("IS", "Iceland")
    make_country("MN", "Mongolia")
    body = {"sending": "is", "host": "MN", "kind": "honorary_consulate", "city": "Ulaanbaatar"}
    response = client.post(
        "/api/v1/missions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content
    created = Mission.objects.get(pk=response.json()["id"])
    assert (created.sending_id, created.host_id, created.city) == ("IS", "MN", "Ulaanbaatar")
    assert created.sources["city"] == "editor:api:newsroom-bot"


def test_post_with_an_unknown_country_is_404(client: Client, token: str) -> None:
    # Two letters are a well-formed code by the OpenAPI document: one no country has is a
    # missing resource, as in GET /countries/XX.
    body = {"sending": "XX", "host": "MN"}
    response = client.post(
        "/api/v1/missions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "No country with code XX."
    assert not Mission.objects.exists()


def test_body_over_the_limit_is_413(client: Client, token: str, settings: object) -> None:
    make_mission(wikidata="Q1")
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048  # type: ignore[attr-defined]
    response = patch(client, "Q1", {"address": "x" * 5000}, token)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_apitoken_command_prints_a_working_token(
    client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    make_mission(wikidata="Q1")
    call_command("apitoken", "create", "cli-user")
    secret = capsys.readouterr().out.split()[-1]
    assert patch(client, "Q1", {"city": "Moskva"}, secret).status_code == 200
    call_command("apitoken", "revoke", "cli-user")
    assert patch(client, "Q1", {"city": "Moskva"}, secret).status_code == 403


def test_nul_characters_are_refused_with_the_field_named(client: Client, token: str) -> None:
    make_mission(wikidata="Q1")
    body = {"address": "a\x00b", "social": {"x\x00": "https://example.org/"}}
    response = patch(client, "Q1", body, token)
    assert response.status_code == 422
    assert set(response.json()["error"]["details"]) == {"address", "social"}
