"""NUL characters in any parameter never cause a 500, on any database."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/find?in=%0B%00&citizen=RU",
        "/api/v1/search?q=a%00b",
        "/api/v1/news?q=a%00b",
        "/api/v1/news?country=R%00",
        "/api/v1/alerts?country=R%00",
        "/api/v1/missions?city=a%00",
        "/api/v1/exports/missions.csv?city=a%00",
    ],
)
def test_nul_is_bad_input(client: Client, url: str) -> None:
    assert client.get(url).status_code < 500  # refused, or read as plain words
