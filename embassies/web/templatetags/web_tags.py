"""Small template filters for the pages."""

from __future__ import annotations

from django import template

from embassies.directory.formats import coordinates
from embassies.directory.freshness import Freshness, freshness
from embassies.directory.models import Mission
from embassies.web.present import osm_url

register = template.Library()


@register.filter
def osm(mission: Mission) -> str:
    """OpenStreetMap link for a mission's coordinates; empty when it has none."""
    if mission.lat is None or mission.lon is None:
        return ""
    # A city centre shown at street level would pretend to know the building.
    return osm_url(mission.lat, mission.lon, zoom=12 if mission.position_approximate else 17)


@register.filter
def coords(mission: Mission) -> str:
    """'55.75170° N, 37.58970° E': the text fallback that every map has; a city centre to two
    decimals (about a kilometre), the precision it has."""
    if mission.lat is None or mission.lon is None:
        return ""
    return coordinates(mission.lat, mission.lon, 2 if mission.position_approximate else 5)


@register.filter
def trust(mission: Mission) -> Freshness:
    """What confirmed the mission's details last, when, and the notice when that is too old."""
    return freshness(mission)
