"""Dates and coordinates as every page writes them: one style per language, in one place.

Dates: CLDR's long date ("6 December 2026", "6 décembre 2026"). Russian's pattern ends in
the abbreviation of "year" with its full stop; a sentence that ends on the date would then
end in two full stops, so the trailing abbreviation is left out (the day and month already
say it is a date). Coordinates: decimal degrees with a point and a hemisphere letter, never the page's
decimal comma, which would make "55,74667, 37,59500" unreadable.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from babel import Locale
from babel.dates import format_date
from django.utils import timezone
from django.utils.translation import gettext

from embassies.directory import titles

# A quoted literal ending the pattern with a full stop: Russian's "\u202f'г'.".
_TRAILING_ABBREVIATION = re.compile(r"\s*'[^']*'\.$")


@cache
def _long_pattern(locale: str) -> str:
    pattern = str(Locale.parse(locale).date_formats["long"].pattern)
    return _TRAILING_ABBREVIATION.sub("", pattern)


def long_date(value: date | datetime | None) -> str:
    """ "6 December 2026" in the page's language; a moment as a date in the current zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    locale = titles.cldr_locale()
    return str(format_date(value, _long_pattern(locale), locale=locale))


def _degrees(value: float, digits: int) -> str:
    return f"{abs(value):.{digits}f}"


def coordinates(lat: float, lon: float, digits: int = 5) -> str:
    """ "55.74667° N, 37.59500° E": a point, whatever the page's decimal sign, and the
    hemisphere in words of the page's language."""
    # Translators: the hemisphere after degrees of latitude or longitude ("55.74667° N");
    # keep %(degrees)s as it is, and write the letter or word readers know (Russian "с. ш.").
    north = gettext("%(degrees)s° N") if lat >= 0 else gettext("%(degrees)s° S")
    # Translators: see "%(degrees)s° N": east and west of Greenwich ("37.59500° E").
    east = gettext("%(degrees)s° E") if lon >= 0 else gettext("%(degrees)s° W")
    return ", ".join(
        (north % {"degrees": _degrees(lat, digits)}, east % {"degrees": _degrees(lon, digits)})
    )
