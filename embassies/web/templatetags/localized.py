"""Names and titles in the page's language: {{ country|local_name }}, {{ mission|local_title }}."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime
from django import template
from django.utils import timezone

from embassies.directory import titles

register = template.Library()


@register.filter
def local_name(country: titles.CountryLike | None) -> str:
    return titles.country_name(country) if country is not None else ""


@register.filter
def local_title(mission: titles.MissionLike) -> str:
    return titles.title(mission)


@register.filter
def local_kind(mission: titles.MissionLike) -> str:
    return titles.kind_label(mission.kind)


@register.filter
def local_kind_in_city(mission: titles.MissionLike) -> str:
    return titles.kind_in_city(mission)


@register.filter
def local_city(mission: titles.MissionLike) -> str:
    return titles.city_name(mission.city, mission.host.code)


@register.filter
def local_status(mission: titles.MissionLike) -> str:
    return titles.status_label(str(getattr(mission, "status", "")))


@register.filter
def local_in(country: titles.CountryLike) -> str:
    """For "in {{ country }}" sentences: French brings its own preposition ("en Russie")."""
    return titles.country_in(country)


@register.filter
def local_of(country: titles.CountryLike) -> str:
    """For "of {{ country }}" sentences: French brings its own article ("du Canada")."""
    return titles.country_of(country)


@register.filter
def local_date(value: date | datetime | None) -> str:
    """CLDR's long date in the page's language: "12 June 1942", "12 juin 1942" (with the
    month in the case the language needs: genitive in Russian)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return str(format_date(value, format="long", locale=titles.cldr_locale()))


@register.filter
def local_clock(value: datetime) -> str:
    """ "14:05, Friday 12 June", the same parts in CLDR's words in every language."""
    return str(format_datetime(_local(value), "HH:mm, EEEE d MMMM", locale=titles.cldr_locale()))


def _local(moment: datetime) -> datetime:
    """In the current time zone, as the date filter would show it."""
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment
