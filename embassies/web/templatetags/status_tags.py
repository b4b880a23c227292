"""A mission's status with its evidence, for templates: `{% with shown=m|status_shown %}`."""

from __future__ import annotations

from django import template

from embassies.directory.models import Mission
from embassies.directory.status_words import Shown, shown

register = template.Library()


@register.filter
def status_shown(mission: Mission) -> Shown:
    return shown(mission)
