"""Where a mission is, in the page's language: `{{ mission|whereabouts }}` (contact.whereabouts)."""

from __future__ import annotations

from django import template
from django.utils.translation import pgettext

from embassies.directory import contact, titles

register = template.Library()


@register.filter
def whereabouts(mission: titles.MissionLike) -> contact.Whereabouts:
    """The street address, or the district of its city ("Khamovniki District, Moscow")."""
    city = titles.city_name(mission.city, mission.host.code)
    # Translators: "Khamovniki District, Moscow": a part of a city, then the city, where no
    # street address is known.
    district_of = pgettext("address", "%(district)s, %(city)s")
    return contact.whereabouts(getattr(mission, "address", ""), city, district_of)
