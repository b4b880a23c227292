"""Status sentences' dates at their source's precision, in CLDR's words for every language
(English through its en_GB patterns: "24 February 2022", "November 2022")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.utils import translation

from embassies.directory.status_words import month_text, partial_date_text


@pytest.mark.parametrize(
    ("language", "day", "month"),
    [
        ("en", "24 February 2022", "February 2022"),
        ("fr", "24 février 2022", "février 2022"),
        ("ru", "24 февраля 2022", "февраль 2022"),
    ],
)
def test_partial_dates(language: str, day: str, month: str) -> None:
    with translation.override(language):
        assert partial_date_text("2022") == "2022"
        assert partial_date_text("2022-02") == month
        assert partial_date_text("2022-02-24") == day


def test_english_month_of_a_moment() -> None:
    with translation.override("en"):
        assert month_text(datetime(2022, 11, 3, 12, tzinfo=UTC)) == "November 2022"
        assert partial_date_text("2022-03-01") == "1 March 2022"
