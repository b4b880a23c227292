"""Country pages in both directions: who is in Russia, and where Russia is abroad."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from embassies.directory.models import Status
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def russia() -> None:
    ru, ca, de = (
        make_country("RU", "Russia"),
        make_country("CA", "Canada"),
        make_country("DE", "Germany"),
    )
    make_mission(sending=ca, host=ru, city="Moscow", lat=55.7517, lon=37.5897)
    make_mission(sending=de, host=ru, city="Moscow", status=Status.SUSPENDED)
    make_mission(sending=de, host=ru, city="Saint Petersburg", kind="consulate_general")
    make_mission(sending=ru, host=ca, city="Ottawa", lat=45.42, lon=-75.69)


def test_missions_in_a_country_grouped_by_sending_state(client: Client, russia: None) -> None:
    response = client.get("/countries/russia/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Embassies and consulates in Russia" in html
    assert "<h1>Embassies and consulates in Russia</h1>" in html
    assert html.index('/countries/canada/abroad/#g-RU">Canada<') < html.index('#g-RU">Germany<')
    assert "Consulate general in Saint Petersburg" in html
    assert 'href="/countries/russia/abroad/"' in html
    assert "Ottawa" not in html


def test_missions_abroad_grouped_by_host(client: Client, russia: None) -> None:
    html = client.get("/countries/russia/abroad/").content.decode()
    assert "<h1>Russia\u2019s embassies and consulates abroad</h1>" in html
    assert '<a href="/countries/canada/#g-RU">Canada<' in html and "Embassy in Ottawa" in html
    assert 'href="/countries/russia/"' in html


def test_status_badge_for_suspended_mission(client: Client, russia: None) -> None:
    html = client.get("/countries/russia/").content.decode()
    assert '<strong class="tag tag--suspended">Operations suspended</strong>' in html


def test_map_markers_only_for_missions_with_coordinates(client: Client, russia: None) -> None:
    html = client.get("/countries/russia/").content.decode()
    assert 'data-map data-markers="map-markers"' in html
    raw = html.split('<script id="map-markers" type="application/json">')[1].split("</script>")[0]
    markers = json.loads(raw)
    assert [(m["lat"], m["lon"]) for m in markers] == [(55.7517, 37.5897)]
    assert "/static/leaflet/leaflet.js" in html and "/static/leaflet/leaflet.css" in html


def test_coordinates_are_text_with_an_openstreetmap_link(client: Client, russia: None) -> None:
    html = client.get("/countries/russia/").content.decode()
    assert "55.75170° N, 37.58970° E" in html
    assert "https://www.openstreetmap.org/?mlat=55.75170&amp;mlon=37.58970" in html


def test_no_map_when_tiles_disabled(client: Client, russia: None, settings) -> None:
    settings.MAP_TILE_URL = ""
    html = client.get("/countries/russia/").content.decode()
    assert "data-map" not in html and "leaflet.js" not in html
    assert "55.75170° N, 37.58970° E" in html


def test_country_code_redirects_to_slug(client: Client, russia: None) -> None:
    response = client.get("/countries/ru/abroad/")
    assert response.status_code == 301
    assert response["Location"] == "/countries/russia/abroad/"


def test_unknown_country_is_404(client: Client) -> None:
    response = client.get("/countries/atlantis/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def _fill(n: int) -> None:
    ru, ca = make_country("RU", "Russia"), make_country("CA", "Canada")
    for i in range(n):
        sender = make_country(f"{chr(65 + i // 26)}{chr(65 + i % 26)}", f"Land {i:02d}")
        make_mission(sending=sender, host=ru, city=f"City {i}", lat=50.0, lon=40.0 + i / 10)
        make_mission(sending=ru, host=sender, city=f"City {i}")
    make_mission(sending=ca, host=ru)


@pytest.mark.parametrize("url", ["/countries/russia/", "/countries/russia/abroad/"])
def test_query_count_does_not_grow_with_missions(
    client: Client, django_assert_max_num_queries, url: str
) -> None:
    _fill(3)
    # 4 for the directory, 2 for the country's alerts and travel advisories, 1 for its news,
    # 1 for when the page cache's copy must end (the next alert start or end).
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
    _fill(30)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
