"""The finder page: "You are Canadian in Russia: ...", works without JavaScript."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embassies.countries.models import Country
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def test_blank_form_preselects_the_host_from_a_country_page_link(client: Client) -> None:
    response = client.get(reverse("web:find"), {"in": "RU"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="RU" selected>' in html
    assert 'id="use-location" hidden' in html and "web/locate.js" in html


def test_both_country_lists_write_names_escaped_and_the_choice_selected(client: Client) -> None:
    html = client.get(reverse("web:find"), {"citizen": "BA", "in": "TT"}).content.decode()
    assert '<option value="BA" selected>Bosnia &amp; Herzegovina</option>' in html
    assert '<option value="TT" selected>Trinidad &amp; Tobago</option>' in html
    assert html.count(" selected>") == 2
    french = client.get("/fr/find/").content.decode()
    assert '<option value="DE">Allemagne</option>' in french


def test_answer_page(client: Client) -> None:
    embassy = make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595)
    response = client.get(reverse("web:find"), {"citizen": "CA", "in": "RU", "near": "55.75,37.6"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "You are Canadian in Russia: 1 office that can help" in html
    assert embassy.get_absolute_url() in html and "km away" in html


def test_nothing_known_says_so_plainly(client: Client) -> None:
    response = client.get(reverse("web:find"), {"citizen": "TV", "in": "IS"})
    assert "no office is known that can help you there" in response.content.decode()


@pytest.mark.parametrize(
    "params", [{"citizen": "XX", "in": "RU"}, {"citizen": "CA", "in": "RU", "near": "999,999"}]
)
def test_bad_input_is_a_400_with_the_reason(client: Client, params: dict) -> None:
    Country.objects.get(code="CA")
    response = client.get(reverse("web:find"), params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
