"""Editors keep arrangements and emergency lines true through the admin."""

from __future__ import annotations

from django.contrib import admin

from embassies.assistance.models import Arrangement, EmergencyLine


@admin.register(Arrangement)
class ArrangementAdmin(admin.ModelAdmin):
    list_display = ["represented", "host", "representing", "kind", "covers_consular", "since"]
    list_filter = ["kind", "covers_consular"]
    search_fields = ["represented__name", "host__name", "representing__name", "scope"]


@admin.register(EmergencyLine)
class EmergencyLineAdmin(admin.ModelAdmin):
    list_display = ["country", "name", "phone", "position"]
    search_fields = ["country__name", "name", "phone"]
