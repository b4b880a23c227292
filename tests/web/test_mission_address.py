"""The mission page and the emergency card show a district alone as the district of its city,
never on the street address's line."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def embassy() -> Mission:
    return make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595, address="Khamovniki District")


def _address(page: str) -> str:
    start = page.index("<address>")
    return page[start : page.index("</address>", start)]


def test_the_mission_page_names_the_district_of_its_city(client: Client, embassy: Mission) -> None:
    address = _address(client.get(embassy.get_absolute_url()).content.decode())
    assert "Khamovniki District, Moscow<br>" in address
    assert "Khamovniki District<br>" not in address


def test_the_emergency_card_names_the_district_of_its_city(
    client: Client, embassy: Mission
) -> None:
    card = client.get(reverse("web:emergency_card"), {"citizen": "CA", "in": "RU"})
    assert "Khamovniki District, Moscow, Russia" in _address(card.content.decode())


def test_a_mission_with_no_known_city_says_so_on_its_page(client: Client) -> None:
    mission = make_mission(city="", wikidata="Q5")
    address = _address(client.get(mission.get_absolute_url()).content.decode())
    assert "City not known" in address and "Russia" in address
