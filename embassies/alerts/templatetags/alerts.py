"""`{% load alerts %}{% alert_banners codes %}`: the seed's banner for each country given.

Server-rendered in the page's first HTML, with no script and no image, so nothing moves
as the page loads; the banner goes away by itself when its alert ends.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from embassies.alerts import queries
from embassies.alerts.advisories.issuers import language_of, name_of
from embassies.alerts.banners import banner
from embassies.alerts.levels import country_table, severity_label
from embassies.alerts.levels import level_words as level_in_words
from embassies.alerts.models import Advisory, Alert
from embassies.alerts.raising import shown_body, shown_headline
from embassies.countries.grammar import place
from embassies.countries.models import Country
from embassies.lib.languages import direction

register = template.Library()


@register.inclusion_tag("alerts/_banners.html")
def alert_banners(countries: Any, mission: Any = None) -> dict[str, Any]:
    """Codes or countries (one or a list, primary first); `mission` marks alerts affecting it."""
    many = countries if isinstance(countries, list | tuple) else [countries]
    mission_id = getattr(mission, "pk", None)
    return {"banners": [banner(a, mission_id) for a in queries.banners(queries.codes_of(many))]}


@register.inclusion_tag("alerts/_advisory_levels.html")
def advisory_levels(country: Any) -> dict[str, Any]:
    """Each issuer's advice for a country side by side (a code or a Country, or nothing: no
    table); a notice at level 3. /alerts/ includes the same template with every country's."""
    codes = queries.codes_of([country]) if country else []
    return {"table": country_table(codes[0] if codes else "")}


@register.filter
def level_words(advisory: Advisory) -> str:
    """ "Do not travel": the advisory's level on the common scale, in the page's language."""
    return level_in_words(advisory.level)


@register.filter
def issuer_name(code: str) -> str:
    return name_of(code)


@register.filter
def headline(alert: Alert) -> str:
    """The alert's headline in the page's language while it is the one an import wrote."""
    return shown_headline(alert)


@register.filter
def body(alert: Alert) -> str:
    """The alert's body in the page's language while it is the one an import wrote."""
    return shown_body(alert)


@register.filter
def severity(alert: Alert) -> str:
    return severity_label(alert.severity)


@register.filter
def issued_lang(advisory: Advisory) -> SafeString:
    """' lang="en" dir="ltr"': an advisory's title is in its issuer's language, whatever the
    page's, and is marked so that an Arabic page does not flip its punctuation."""
    language = language_of(advisory.issuer)
    if not language:
        return SafeString(' dir="auto"')
    return format_html(' lang="{}" dir="{}"', language, direction(language))


@register.filter(name="place")
def place_of(country: Country) -> str:
    """ "the Bahamas" in English, the country's name in the page's language otherwise."""
    return place(country)
