"""One result line for the search page and the finder: the city and the address (a district
as the district of its city), and the phone as a tel: link; never bare coordinates."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embassies.countries.models import Country
from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def embassy() -> Mission:
    return make_mission(
        wikidata="Q4374011",
        lat=55.7467,
        lon=37.595,
        address="Khamovniki District",
        phones=["+7 495 925-60-00"],
    )


def _results(page: str) -> str:
    """The list of missions, without the form and the rest of the page."""
    start = page.index('<ol class="mission-list">')
    return page[start : page.index("</ol>", start)]


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("web:search", {"q": "canadian embassy moscow"}),
        ("web:find", {"citizen": "CA", "in": "RU"}),
    ],
)
def test_search_and_finder_show_the_district_of_its_city_and_the_phone(
    client: Client, embassy: Mission, url: str, query: dict[str, str]
) -> None:
    results = _results(client.get(reverse(url), query).content.decode())
    assert "Khamovniki District, Moscow" in results
    assert 'href="tel:+74959256000"' in results
    assert "55.7467" not in results and "37.595" not in results


def test_a_mission_with_no_known_city_says_so_in_the_results(client: Client) -> None:
    make_mission(
        sending=Country.objects.get(code="BJ"), host=Country.objects.get(code="IT"), city=""
    )
    results = _results(
        client.get(reverse("web:search"), {"q": "embassy of benin"}).content.decode()
    )
    assert "City not known" in results
