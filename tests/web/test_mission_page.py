"""One mission's page: every known field, how to call it, when it is open, where it is."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from embassies.directory.models import Mission, Status
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def embassy() -> Mission:
    ru = make_country("RU", "Russia")
    return make_mission(
        sending=make_country("CA", "Canada"),
        host=ru,
        city="Moscow",
        wikidata="Q4374011",
        address="Starokonyushenny pereulok 23",
        lat=55.7478,
        lon=37.5953,
        phones=["(495) 925-6000", "call the switchboard"],
        emails=["mosco@international.gc.ca"],
        website="https://www.canadainternational.gc.ca/russia-russie/",
        social={"twitter": "CanadaRussia", "facebook": "https://www.facebook.com/CanadaInRussia"},
        opening_hours="24/7",
        head_of_mission="Alison LeClaire",
        inception=dt.date(1942, 6, 12),
        jurisdiction_regions=["Central Federal District"],
        accreditations=[make_country("BY", "Belarus"), make_country("AM", "Armenia")],
        photo="http://commons.wikimedia.org/wiki/Special:FilePath/Embassy%20of%20Canada.jpg",
        photo_author="A. Savin",
        photo_licence="CC BY-SA 4.0",
        photo_licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
        sources={"address": "wikidata", "phones": "editor:anna"},
    )


def _page(client: Client, mission: Mission) -> str:
    response = client.get(mission.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_title_and_heading(client: Client, embassy: Mission) -> None:
    html = _page(client, embassy)
    assert "<title>Embassy of Canada in Moscow, Russia" in html
    assert "<h1>Embassy of Canada in Moscow, Russia</h1>" in html


def test_every_known_field(client: Client, embassy: Mission) -> None:
    html = _page(client, embassy)
    for text in (
        "Starokonyushenny pereulok 23",
        'href="mailto:mosco@international.gc.ca"',
        'href="https://www.canadainternational.gc.ca/russia-russie/"',
        'href="https://x.com/CanadaRussia"',
        'href="https://www.facebook.com/CanadaInRussia"',
        "<code>24/7</code>",
        "Alison LeClaire",
        "12 June 1942",
        "Central Federal District",
        '<a href="/countries/belarus/">Belarus</a>',
        '<a href="/countries/armenia/">Armenia</a>',
        "call the switchboard",
    ):
        assert text in html, text


def test_phone_is_a_tel_link_in_e164(client: Client, embassy: Mission) -> None:
    html = _page(client, embassy)
    assert '<a class="phone" dir="ltr" href="tel:+74959256000">+7 495 925-60-00</a>' in html
    assert "tel:call" not in html  # an unreadable number stays plain text


def test_local_time_and_open_now(client: Client, embassy: Mission) -> None:
    html = _page(client, embassy)
    assert "Local time" in html and "(Europe/Moscow)" in html
    assert '+03:00">' in html  # shown in Moscow time, not the server's
    assert "Open now" in html


def test_closed_now(client: Client, embassy: Mission) -> None:
    embassy.opening_hours = "off"
    embassy.save()
    assert "Closed now" in _page(client, embassy)


def test_photo_with_licence_credit(client: Client, embassy: Mission) -> None:
    html = _page(client, embassy)
    assert "Special:FilePath/Embassy%20of%20Canada.jpg?width=960" in html
    assert (
        'href="https://commons.wikimedia.org/wiki/File:Embassy_of_Canada.jpg">A. Savin</a>' in html
    )
    assert (
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">CC BY-SA 4.0</a>'
        in html
    )
    footer = html.split("<footer")[1]
    assert "A. Savin" in footer and "CC BY-SA 4.0" in footer


def test_map_data_and_coordinates_fallback(client: Client, embassy: Mission) -> None:
    html = _page(client, embassy)
    raw = html.split('<script id="map-markers" type="application/json">')[1].split("</script>")[0]
    assert json.loads(raw) == [
        {
            "lat": 55.7478,
            "lon": 37.5953,
            "title": "Embassy of Canada in Moscow, Russia",
            "url": embassy.get_absolute_url(),
            "status": "open",
            "approximate": False,
        }
    ]
    assert "55.74780° N, 37.59530° E" in html
    assert "https://www.openstreetmap.org/?mlat=55.74780&amp;mlon=37.59530" in html
    assert "/static/web/map.js" in html


def test_sources(client: Client, embassy: Mission) -> None:
    html = _page(client, embassy)
    assert '<a href="https://www.wikidata.org/wiki/Q4374011">Q4374011</a>' in html
    assert "<td>an editor</td><td>phones</td>" in html and "anna" not in html


def test_other_missions_of_the_same_sender(client: Client, embassy: Mission) -> None:
    make_mission(
        sending=embassy.sending, host=embassy.host, city="Vladivostok", kind="honorary_consulate"
    )
    make_mission(sending=make_country("DE", "Germany"), host=embassy.host, city="Kazan")
    html = _page(client, embassy)
    assert "Other missions of Canada in Russia" in html
    assert "Honorary consulate in Vladivostok" in html
    assert "Kazan" not in html


def test_suspended_mission_is_flagged(client: Client, embassy: Mission) -> None:
    embassy.status = Status.SUSPENDED
    embassy.save()
    html = _page(client, embassy)
    assert "tag--suspended" in html and "Operations suspended." in html


def test_wrong_slug_redirects_permanently(client: Client, embassy: Mission) -> None:
    response = client.get(f"/missions/{embassy.pk}-old-name/")
    assert response.status_code == 301
    assert response["Location"] == embassy.get_absolute_url()
    assert client.get(f"/missions/{embassy.pk}/")["Location"] == embassy.get_absolute_url()


def test_unknown_mission_is_404(client: Client) -> None:
    response = client.get("/missions/999999-nowhere/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_query_count_does_not_grow(
    client: Client, embassy: Mission, django_assert_max_num_queries
) -> None:
    def grow(n: int) -> None:
        for i in range(n):
            make_mission(
                sending=embassy.sending, host=embassy.host, city=f"City {i}", lat=50, lon=40
            )
            embassy.accreditations.add(make_country(f"Z{chr(65 + i % 26)}", f"Zland {i % 26}"))

    grow(3)
    # 3 for the directory, 1 for the host country's alert banner, 1 for when the page cache's
    # copy must end (the next alert start or end).
    with django_assert_max_num_queries(5):
        _page(client, embassy)
    grow(27)
    with django_assert_max_num_queries(5):
        _page(client, embassy)


def test_approximate_position_and_territory_are_said_plainly(client: Client) -> None:
    mission = make_mission(
        sending=make_country("RU", "Russia"),
        host=make_country("GE", "Georgia"),
        city="Sokhumi",
        lat=43.00151,
        lon=41.02341,
        position_approximate=True,
        territory="Abkhazia",
    )
    html = _page(client, mission)
    assert "approximate: city centre" in html and "43.00° N, 41.02° E" in html
    assert "#map=12/" in html  # not street level
    assert "In Abkhazia, a territory that Georgia does not control" in html
    assert "cannot help you in Georgia" in html
