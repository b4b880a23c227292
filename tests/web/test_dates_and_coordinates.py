"""One date style per language and coordinates no decimal comma can blur: Russian dates end
without a doubled full stop, and "55.74780° N, 37.59530° E" reads the same in every language."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.utils import translation

from embassies.directory.formats import coordinates, long_date
from tests.alerts.builders import make_alert
from tests.factories import make_country, make_mission
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db
DECIMAL_COMMA_PAIR = re.compile(r"\d+,\d{2,}, \d+,\d{2,}")


def _page(client: Client, language: str, path: str) -> str:
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    return response.content.decode()


def test_a_sentence_ending_on_a_russian_date_has_one_full_stop(client: Client) -> None:
    mission = make_mission(lat=55.7478, lon=37.5953)
    make_alert("RU", "Russia is currently at war in Ukraine")
    for path in (mission.get_absolute_url(), "/alerts/"):
        html = _page(client, "ru", path)
        text = re.sub(r"<[^>]+>", "", html)  # as read: "2026</time>." is "2026."
        assert "</time>." in html and re.search(r"\d{4}\.", text), path
        assert "г.." not in text and "г. ." not in text, path


def test_russian_dates_are_the_long_style_without_the_year_abbreviation() -> None:
    with translation.override("ru"):
        assert long_date(date(2026, 12, 6)) == "6 декабря 2026"
        assert long_date(datetime(2026, 12, 6, 12, tzinfo=UTC)) == "6 декабря 2026"


def test_news_dates_use_the_one_style_of_each_language(client: Client) -> None:
    make_article("Summit", datetime(2018, 3, 21, 12, tzinfo=UTC), {"RU": 1.0})
    assert ">21 March 2018</time>" in client.get("/news/").content.decode()
    assert ">21 mars 2018</time>" in _page(client, "fr", "/news/")
    assert ">21 марта 2018</time>" in _page(client, "ru", "/news/")


@pytest.mark.parametrize("language", ["fr", "ru", "es", "ar"])
def test_coordinates_keep_a_decimal_point_in_every_language(client: Client, language: str) -> None:
    mission = make_mission(lat=55.7478, lon=37.5953)
    mission_page = _page(client, language, mission.get_absolute_url())
    card = _page(client, language, "/find/card/?citizen=CA&in=RU")
    for html in (mission_page, card):
        assert "55.74780°" in html and "37.59530°" in html
        assert not DECIMAL_COMMA_PAIR.search(html)


def test_coordinates_name_the_hemisphere() -> None:
    with translation.override("en"):
        assert coordinates(55.7478, 37.5953) == "55.74780° N, 37.59530° E"
        assert coordinates(-33.8688, 151.2093, 2) == "33.87° S, 151.21° E"
        assert coordinates(40.7128, -74.006, 2) == "40.71° N, 74.01° W"


def test_a_city_centre_is_given_to_two_decimals(client: Client) -> None:
    make_country("CA", "Canada")
    mission = make_mission(lat=43.0, lon=41.0234, position_approximate=True)
    assert "43.00° N, 41.02° E" in _page(client, "fr", mission.get_absolute_url())
