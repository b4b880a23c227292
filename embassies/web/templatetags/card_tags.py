"""Filters for the printable emergency card."""

from __future__ import annotations

from django import template

from embassies.directory.models import Mission
from embassies.web.present import Phone, phones

register = template.Library()


@register.filter
def phone_numbers(mission: Mission) -> list[Phone]:
    """The mission's phones, each with its dialable form for a tel: link."""
    return phones(mission)
