"""A database that is down gets one answer, built in one place (web/unavailable.py): the same
sentence on the page and in the API's error shape, Retry-After, never stored."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory

from embassies.web.unavailable import DATABASE_UNAVAILABLE, database_unavailable

SENTENCE = "Our database is not answering. Please try again in a minute."


@pytest.mark.parametrize("path", ["/countries/", "/api/v1/countries"])
def test_page_and_api_say_the_same_sentence(path: str) -> None:
    answer = database_unavailable(RequestFactory().get(path), OperationalError("gone"))
    assert answer.status_code == 503 and answer["Retry-After"] == "30"
    assert "no-store" in answer["Cache-Control"]
    assert DATABASE_UNAVAILABLE == SENTENCE and SENTENCE in answer.content.decode()
    if path.startswith("/api/"):
        error = json.loads(answer.content)["error"]
        assert error == {"code": "unavailable", "message": SENTENCE, "details": None}


@pytest.mark.django_db
def test_a_page_whose_database_fails_gets_that_answer(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from embassies.countries.models import Country

    def down(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(Country.objects, "get_queryset", down)
    answer = client.get("/countries/russia/")
    assert answer.status_code == 503
    assert SENTENCE in answer.content.decode()
