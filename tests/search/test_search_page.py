"""The search page: results, nothing found, too long, and escaped input."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def embassy() -> Mission:
    return make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595)


def test_results_link_to_mission_pages(client: Client, embassy: Mission) -> None:
    response = client.get(reverse("web:search"), {"q": "canadian embassy moscow"})
    assert response.status_code == 200
    assert embassy.get_absolute_url() in response.content.decode()
    assert "1 mission for" in response.content.decode()


def test_blank_page_is_a_form(client: Client) -> None:
    response = client.get(reverse("web:search"))
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_nothing_found_says_so(client: Client, embassy: Mission) -> None:
    response = client.get(reverse("web:search"), {"q": "zzqqxx"})
    assert "No mission matches" in response.content.decode()


def test_too_long_is_a_400_with_a_message(client: Client) -> None:
    response = client.get(reverse("web:search"), {"q": "x" * 5000})
    assert response.status_code == 400
    assert "shorten" in response.content.decode()


def test_query_is_escaped(client: Client) -> None:
    response = client.get(reverse("web:search"), {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()
