"""A mission's status with its evidence, for templates: `{% with shown=m|status_shown %}`."""

from __future__ import annotations

from django import template

from embassies.directory.models import Mission
from embassies.directory.status_words import Shown, partial_date_text, shown

register = template.Library()


@register.filter
def status_shown(mission: Mission) -> Shown:
    return shown(mission)


@register.filter
def partial_date(value: str) -> str:
    """ "2021-12-31" -> "31 December 2021" in the page's language, "2022-02" -> "February
    2022", "2009" as it is; a value in no such form (typed by hand) is shown as it was typed."""
    try:
        return partial_date_text(value)
    except (ValueError, IndexError):
        return value
