"""Editors keep arrangements and emergency lines true through the admin; every version is kept
and can be restored from an entry's history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from embassies.assistance.models import Arrangement, EmergencyLine

# Links typed without a scheme are taken as https (Django 6's default, without its warning).
URLS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


@admin.register(Arrangement)
class ArrangementAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history is untyped
    list_display = ["represented", "host", "representing", "kind", "covers_consular", "since"]
    list_filter = ["kind", "covers_consular", "represented", "host", "representing"]
    list_select_related = ["represented", "host", "representing"]
    search_fields = ["represented__name", "host__name", "representing__name", "scope", "notes"]
    autocomplete_fields = ["represented", "host", "representing"]
    readonly_fields = ["updated_at"]
    formfield_overrides = URLS


@admin.register(EmergencyLine)
class EmergencyLineAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history is untyped
    list_display = ["country", "name", "phone", "position"]
    list_filter = ["country"]
    list_select_related = ["country"]
    search_fields = ["country__name", "country__code", "name", "phone"]
    autocomplete_fields = ["country"]
    readonly_fields = ["updated_at"]
    formfield_overrides = URLS
