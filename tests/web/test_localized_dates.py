"""{{ value|local_date }} and {{ value|local_clock }}: CLDR's patterns in every language,
English included (its en_GB patterns write the dates English pages always had)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from embassies.directory import titles
from embassies.web.templatetags.localized import local_clock, local_date

MOMENT = datetime(1942, 6, 12, 11, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "day", "clock"),
    [
        ("en", "12 June 1942", "14:05, Friday 12 June"),
        ("fr", "12 juin 1942", "14:05, vendredi 12 juin"),
        ("es", "12 de junio de 1942", "14:05, viernes 12 junio"),
        ("ru", "12 июня 1942", "14:05, пятница 12 июня"),
    ],
)
def test_dates_in_each_language(language: str, day: str, clock: str) -> None:
    with translation.override(language), timezone.override(ZoneInfo("Europe/Moscow")):
        assert local_date(date(1942, 6, 12)) == day
        assert local_date(MOMENT) == day
        assert local_clock(MOMENT) == clock


def test_english_days_have_no_leading_zero() -> None:
    with translation.override("en"):
        assert local_date(date(2022, 3, 1)) == "1 March 2022"
        assert local_date(None) == ""


def test_english_is_read_like_any_language() -> None:
    assert titles.cldr_locale("en") == "en_GB" and titles.cldr_locale("fr") == "fr"
    with translation.override("en-gb"):
        assert titles.cldr_locale() == "en_GB"
