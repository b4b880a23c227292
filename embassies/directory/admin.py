"""Admin for missions: find one fast by city, country or QID; filter by kind, status and country."""

from __future__ import annotations

from django.contrib import admin

from embassies.directory.models import FieldConflict, ImportRun, Mission


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "kind",
        "sending",
        "host",
        "city",
        "status",
        "wikidata",
        "updated_at",
    ]
    list_filter = ["kind", "status", "sending", "host"]
    list_select_related = ["sending", "host"]
    search_fields = ["city", "wikidata", "address", "sending__name", "host__name", "kind_label"]
    autocomplete_fields = ["sending", "host", "accreditations"]
    readonly_fields = ["created_at", "updated_at", "source_hash"]
    date_hierarchy = "updated_at"


@admin.register(FieldConflict)
class FieldConflictAdmin(admin.ModelAdmin):
    list_display = ["mission", "field", "source", "current_source", "resolved", "detected_at"]
    list_filter = ["resolved", "field", "source"]
    list_select_related = ["mission__sending", "mission__host"]
    raw_id_fields = ["mission"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["source", "finished_at", "added", "updated", "unchanged", "closed", "rejected"]
    list_filter = ["source"]
