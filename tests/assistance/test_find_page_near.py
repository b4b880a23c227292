"""The finder page near a place people name: the nearest office first, a choice among places
of one name as plain links, and errors beside the field that caused them."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from embassies.directory.kinds import Kind
from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def canada_in_russia() -> Mission:
    """Canada's embassy in Moscow and, returned, a consulate in Saint Petersburg."""
    make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595)
    return make_mission(
        city="Saint Petersburg", kind=Kind.CONSULATE, lat=59.9386, lon=30.3141, wikidata="Q99"
    )


def first_office(html: str) -> str:
    found = re.search(r'<li class="mission-item">\s*<a href="([^"]+)"', html)
    assert found, html
    return found.group(1)


@pytest.mark.parametrize(
    ("path", "near"),
    [
        ("/find/", "Saint Petersburg"),
        ("/ru/find/", "Санкт-Петербург"),
        ("/fr/find/", "Saint-Pétersbourg"),
    ],
)
def test_a_place_name_lists_the_office_there_first(
    client: Client, canada_in_russia: Mission, path: str, near: str
) -> None:
    response = client.get(path, {"citizen": "CA", "in": "RU", "near": near})
    html = response.content.decode()
    assert response.status_code == 200
    assert first_office(html) == canada_in_russia.get_absolute_url()
    # The emergency card gets the point, so that it needs no look-up of its own.
    assert "near=59.9386,30.3141" in html


def test_the_page_says_where_it_measured_from(client: Client, canada_in_russia: Mission) -> None:
    html = client.get(
        reverse("web:find"), {"citizen": "CA", "in": "RU", "near": "Saint Petersburg"}
    ).content.decode()
    assert "Nearest first from Saint Petersburg." in html


def test_several_places_of_one_name_are_offered_as_links(client: Client) -> None:
    response = client.get(reverse("web:find"), {"citizen": "CA", "in": "US", "near": "Alexandria"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Several places are called “Alexandria” in the United States. Which one?" in html
    links = re.findall(r'href="/find/\?citizen=CA&amp;in=US&amp;near=([-\d.]+%2C[-\d.]+)"', html)
    assert len(links) >= 2 and len(set(links)) == len(links)
    assert "inhabitants" in html


def test_a_chosen_place_answers(client: Client) -> None:
    response = client.get(
        reverse("web:find"), {"citizen": "CA", "in": "US", "near": "38.8048,-77.0469"}
    )
    assert response.status_code == 200 and "Which one?" not in response.content.decode()


def test_an_unknown_place_is_explained_beside_the_near_field(client: Client) -> None:
    response = client.get(
        reverse("web:find"), {"citizen": "CA", "in": "RU", "near": "Atlantisgrad"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        '<p class="field-error" id="near-error" role="alert">'
        "We don’t know a place called “Atlantisgrad” in Russia.</p>"
    ) in html
    field = re.search(r'<input[^>]*id="near"[^>]*>', html)
    assert field and 'aria-describedby="near-hint near-error"' in field.group(0)
    assert 'aria-invalid="true"' in field.group(0)
    assert 'class="warning"' not in html


@pytest.mark.parametrize("field", ["citizen", "in"])
def test_an_unknown_country_is_a_plain_sentence_beside_its_field(
    client: Client, field: str
) -> None:
    params = {"citizen": "CA", "in": "RU", field: "XX"}
    response = client.get(reverse("web:find"), params)
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="{field}-error" role="alert">Please choose the country' in html
    select = re.search(rf'<select[^>]*id="{field}"[^>]*>', html)
    assert select and f'aria-describedby="{field}-error"' in select.group(0)
    assert "Unknown country code" not in html and "ISO 3166" not in html


def test_the_home_page_finder_takes_a_place_and_the_location_button(client: Client) -> None:
    html = client.get(reverse("web:home")).content.decode()
    form = html[html.index('action="/find/"') :]
    assert 'name="near"' in form and 'id="use-location" hidden' in form
    assert "web/locate.js" in html


@pytest.mark.parametrize("near", ["999,999", "55.7"])
def test_coordinates_that_are_no_point_are_told_in_plain_words(client: Client, near: str) -> None:
    response = client.get(reverse("web:find"), {"citizen": "CA", "in": "RU", "near": near})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="near-error" role="alert">This is neither a place nor a latitude' in html
    assert "-90..90" not in html and "decimal degrees" not in html
