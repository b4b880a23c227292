"""Every phone on every page goes through here: `{% phone p %}` (present.phone_html)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from embassies.assistance.models import EmergencyLine
from embassies.directory.models import Mission
from embassies.web import present

register = template.Library()


@register.simple_tag
def phone(shown: present.Phone) -> SafeString:
    """A tel: link in E.164, shown in international format, left-to-right, on one line."""
    return present.phone_html(shown)


@register.filter
def mission_phones(mission: Mission) -> list[present.Phone]:
    """The mission's own phones."""
    return present.phones(mission)


@register.filter
def line_phone(line: EmergencyLine) -> present.Phone:
    """A foreign ministry's emergency line, read from its state."""
    return present.line_phone(line)


@register.filter
def state_lines(mission: Mission) -> list[present.StateLine]:
    """The sending state's 24/7 lines when the mission has no phone of its own."""
    return present.state_lines(mission)
