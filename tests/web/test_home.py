"""The home page: search box, finder form, counts, the A-Z of countries, and the empty state."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


def _seed(n: int) -> None:
    """n missions spread over distinct sending countries, all hosted in Russia."""
    host = make_country("RU", "Russia")
    for i in range(n):
        sender = make_country(f"{chr(65 + i // 26)}{chr(65 + i % 26)}", f"Land {i:02d}")
        make_mission(sending=sender, host=host, city="Moscow")


def test_empty_directory_says_how_to_load_data(client: Client) -> None:
    html = client.get("/").content.decode()
    assert "The directory is empty" in html
    assert "embassies sync wikidata" in html
    assert "embassies import wikidata-csv FILE" in html


def test_search_and_finder_forms(client: Client) -> None:
    make_country("CA", "Canada")
    make_country("RU", "Russia")
    html = client.get("/").content.decode()
    assert (
        'action="/search/"' in html
        and 'name="q"' in html
        and '<label class="label" for="q">' in html
    )
    assert 'action="/find/"' in html and 'name="citizen"' in html and 'name="in"' in html
    assert '<label for="citizen">I am a citizen of</label>' in html
    assert '<option value="CA">Canada</option>' in html


def test_counts_and_countries_grouped_by_letter(client: Client) -> None:
    make_mission(sending=make_country("CA", "Canada"), host=make_country("RU", "Russia"))
    make_mission(sending=make_country("AX", "Åland Islands"), host=make_country("RU", "Russia"))
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["totals"] == {"missions": 2, "countries": 3}
    assert '<a href="/countries/russia/">Russia</a>' in html
    letters = [letter for letter, _ in response.context["groups"]]
    assert letters == ["A", "C", "R"]  # Å files under A, where people look for it


def test_page_basics(client: Client) -> None:
    html = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert 'class="skip-link" href="#main"' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert "<title>Find an embassy or consulate" in html
    assert '<meta name="description"' in html
    assert "Wikidata" in html and "CC0" in html
    assert "/static/web/site.css" in html


def test_query_count_does_not_grow_with_missions(
    client: Client, django_assert_max_num_queries
) -> None:
    _seed(3)
    # Countries, counts, citizenships' data and the alerts the page lists: four, however many.
    with django_assert_max_num_queries(4):
        assert client.get("/").status_code == 200
    _seed(30)
    with django_assert_max_num_queries(4):
        assert client.get("/").status_code == 200
