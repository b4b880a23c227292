"""Tiny builders for tests: every field a test relies on is passed explicitly."""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify

from embassies.countries.models import Country
from embassies.directory.models import Mission


def make_country(code: str, name: str, **fields: Any) -> Country:
    """get_or_create, so tests run the same with or without reference data synced."""
    defaults = {"name": name, "slug": slugify(name), **fields}
    country, _ = Country.objects.get_or_create(code=code, defaults=defaults)
    return country


def make_mission(**fields: Any) -> Mission:
    """An embassy of Canada in Moscow unless fields say otherwise."""
    fields.setdefault("sending", make_country("CA", "Canada"))
    fields.setdefault("host", make_country("RU", "Russia"))
    fields.setdefault("city", "Moscow")
    accreditations = fields.pop("accreditations", [])
    mission = Mission(**fields)
    mission.slug = mission.slug or mission.make_slug()
    mission.save()
    mission.accreditations.set(accreditations)
    return mission
