"""/editors/quality/: staff only, the report's counts, links to the admin, everything escaped."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

URL = "/editors/quality/"


@pytest.fixture
def staff() -> Client:
    client = Client()
    client.force_login(User.objects.create_user("ed", password="x", is_staff=True))
    return client


@pytest.fixture
def unplaced() -> Mission:
    return make_mission(city="Moscow", lat=None, lon=None)


def test_anonymous_visitors_are_sent_to_the_admin_login() -> None:
    response = Client().get(URL + "?country=RU")
    assert response.status_code == 302
    login = reverse("admin:login")
    assert response["Location"] == f"{login}?next=/editors/quality/%3Fcountry%3DRU"


def test_signed_in_visitors_who_are_not_staff_are_refused() -> None:
    client = Client()
    client.force_login(User.objects.create_user("reader", password="x"))
    assert client.get(URL).status_code == 403


def test_staff_see_every_check_with_its_count_and_admin_links(
    staff: Client, unplaced: Mission
) -> None:
    response = staff.get(URL)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    page = response.content.decode()
    assert '<td class="quality-count" data-check="no_coordinates">1</td>' in page
    assert '<td class="quality-count" data-check="stale">1</td>' in page
    assert f'href="{reverse("admin:directory_mission_change", args=[unplaced.pk])}"' in page
    assert f'href="{unplaced.get_absolute_url()}"' in page
    assert "Embassy of Canada in Moscow, Russia" in page


def test_the_country_filter_keeps_one_host(staff: Client, unplaced: Mission) -> None:
    france = make_country("FR", "France")
    make_mission(host=france, city="Paris", lat=None, lon=None)
    page = staff.get(URL, {"country": "fr"}).content.decode()
    assert "Data quality of missions in France" in page
    assert '<td class="quality-count" data-check="no_coordinates">1</td>' in page
    assert "Embassy of Canada in Paris, France" in page and "Moscow" not in page
    assert '<option value="FR" selected>' in page


def test_an_unknown_country_is_a_clear_error(staff: Client, unplaced: Mission) -> None:
    response = staff.get(URL, {"country": "<b>zz</b>"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "No country has the code “&lt;B&gt;ZZ&lt;/B&gt;”" in page
    assert "<B>ZZ" not in page
    assert '<td class="quality-count" data-check="no_coordinates">1</td>' in page


def test_what_editors_and_sources_wrote_is_escaped(staff: Client) -> None:
    make_mission(city='<script>alert("x")</script>', lat=None, lon=None)
    page = staff.get(URL).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_the_page_has_no_inline_script_or_style(staff: Client, unplaced: Mission) -> None:
    page = staff.get(URL).content.decode()
    assert " style=" not in page and "<style" not in page
    assert all("src=" in tag for tag in page.split("<script")[1:])


def test_the_admin_index_links_to_the_report(staff: Client) -> None:
    page = staff.get(reverse("admin:index")).content.decode()
    assert f'href="{URL}"' in page
