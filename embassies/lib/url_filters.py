"""`{{ url|web_url }}`: the one filter every template uses to put an outside URL into href or
src. A builtin (settings.TEMPLATES), so no template can forget to load it."""

from __future__ import annotations

from django import template

from embassies.lib.urls import web_url

register = template.Library()
register.filter("web_url", web_url)
