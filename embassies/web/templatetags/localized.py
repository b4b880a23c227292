"""Names and titles in the page's language: {{ country|local_name }}, {{ mission|local_title }}."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, datetime

from babel.dates import format_datetime
from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from embassies.directory import formats, titles
from embassies.lib.languages import marking

register = template.Library()


@register.filter
def local_name(country: titles.CountryLike | None) -> str:
    return titles.country_name(country) if country is not None else ""


@register.simple_tag
def country_options(countries: Iterable[titles.CountryLike], chosen: str = "") -> SafeString:
    """The <option>s of a country list, in the order given, `chosen` selected. Written in one
    pass, each value escaped: as a template loop (or format_html per option) the finder's two
    lists of 250 took most of its page's time."""
    language = titles.language_now()
    return mark_safe(  # noqa: S308 - every value below is escaped
        "".join(
            f'<option value="{html.escape(c.code)}"{" selected" if c.code == chosen else ""}>'
            f"{html.escape(titles.country_name(c, language))}</option>"
            for c in countries
        )
    )


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
    month in the case the language needs: genitive in Russian). Every page's dates go
    through here, so a language has one date style."""
    return formats.long_date(value)


@register.filter
def local_clock(value: datetime) -> str:
    """ "14:05, Friday 12 June", the same parts in CLDR's words in every language."""
    return str(format_datetime(_local(value), "HH:mm, EEEE d MMMM", locale=titles.cldr_locale()))


def _local(moment: datetime) -> datetime:
    """In the current time zone, as the date filter would show it."""
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


@register.filter
def lang_attrs(text: object) -> SafeString:
    """' lang="en" dir="ltr"' for text that may not be in the page's language (an article, an
    editor's headline): read from the text itself; ' dir="auto"' when it does not say."""
    found = marking(str(text or ""))
    if not found.lang:
        return format_html(' dir="{}"', found.dir)
    return format_html(' lang="{}" dir="{}"', found.lang, found.dir)
