"""Arriving on the home page, a browser that asks for French, Spanish, Russian or Arabic gets it."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar"])
def test_arriving_on_the_home_page_follows_the_browsers_language(
    client: Client, language: str
) -> None:
    response = client.get("/", headers={"Accept-Language": f"{language},en;q=0.5"})
    assert response.status_code == 302 and response["Location"] == f"/{language}/"
    assert "Accept-Language" in response["Vary"]
    assert "private" in response["Cache-Control"]


def test_a_regional_variant_goes_to_its_language(client: Client) -> None:
    response = client.get("/", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    assert response["Location"] == "/fr/"


def test_english_or_an_unknown_language_stays_on_the_english_home_page(client: Client) -> None:
    for header in ("en-GB,en;q=0.9", "de-DE,de;q=0.9", ""):
        response = client.get("/", headers={"Accept-Language": header})
        assert response.status_code == 200, header


def test_choosing_english_in_the_switcher_is_not_overruled(client: Client) -> None:
    response = client.get(
        "/", headers={"Accept-Language": "fr", "Referer": "http://testserver/fr/"}
    )
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_deep_links_keep_their_language(client: Client) -> None:
    response = client.get("/find/", headers={"Accept-Language": "fr"})
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
