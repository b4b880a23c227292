"""Small template filters for the pages."""

from __future__ import annotations

from django import template

from embassies.directory.models import Mission
from embassies.web.present import osm_url

register = template.Library()


@register.filter
def osm(mission: Mission) -> str:
    """OpenStreetMap link for a mission's coordinates; empty when it has none."""
    if mission.lat is None or mission.lon is None:
        return ""
    return osm_url(mission.lat, mission.lon)


@register.filter
def coords(mission: Mission) -> str:
    """'55.75170, 37.58970': the text fallback that every map has."""
    if mission.lat is None or mission.lon is None:
        return ""
    return f"{mission.lat:.5f}, {mission.lon:.5f}"
