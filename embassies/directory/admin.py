"""Admin for missions: find one fast by city, country or QID; filter by kind, status and country.

Every mission edit goes through `editing.save_edit` (changed fields become the editor's, so no
import overwrites them); any version can be viewed and restored from the mission's history.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from embassies.directory import conflicts, limits
from embassies.directory.admin_fields import LinesField, PairsField
from embassies.directory.admin_status import StatusFactInline, save_inline_facts
from embassies.directory.editing import admin_editor, mark_edited, restore_version, save_edit
from embassies.directory.models import FieldConflict, ImportRun, Mission, StatusFact
from embassies.lib.changes import countries_changed

# Links typed without a scheme are taken as https (Django 6's default, without its warning).
URLS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class MissionForm(forms.ModelForm[Mission]):
    """Lists typed one per line; the rest as the model defines it."""

    phones = LinesField(help_text="One per line, as the mission writes them.")
    emails = LinesField()
    jurisdiction_regions = LinesField(
        label="Regions covered", help_text='One per line, e.g. "Bavaria".'
    )
    social = PairsField()

    class Meta:
        model = Mission
        fields = ["phones", "emails", "jurisdiction_regions", "social"]  # the admin adds the rest
        labels = {
            "lat": "Latitude",
            "lon": "Longitude",
            "sending": "Sending state",
            "host": "Host state",
        }

    def clean(self) -> dict[str, Any]:
        """The limits of every write path, on what the editor changed: each reason is shown
        beside its field here, where save_edit would refuse the save without saying where."""
        cleaned = super().clean() or {}
        changed = {name: cleaned[name] for name in self.changed_data if name in cleaned}
        for name, messages in limits.problems(changed).items():
            self.add_error(name, messages)
        return cleaned


# The auto-created through model has no class to import: Model stands for it.
class AccreditationInline(admin.TabularInline[models.Model, Mission]):
    """The other states the mission covers (the accreditations' through rows)."""

    model = Mission.accreditations.through
    extra = 0
    autocomplete_fields = ["country"]
    verbose_name = "state also covered"
    verbose_name_plural = "states also covered (non-resident accreditations)"


def _osm_link(lat: float, lon: float) -> str:
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    )


def _editor(request: HttpRequest) -> str:
    return admin_editor(request.user.get_username())


@admin.register(Mission)
class MissionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    form = MissionForm
    list_display = [
        "__str__",
        "kind",
        "sending",
        "host",
        "city",
        "status",
        "wikidata",
        "verified_at",
        "updated_at",
    ]
    list_filter = ["kind", "status", "sending", "host"]
    list_select_related = ["sending", "host"]
    search_fields = [
        "city",
        "wikidata",
        "osm_id",
        "address",
        "sending__name",
        "host__name",
        "kind_label",
    ]
    autocomplete_fields = ["sending", "host"]
    readonly_fields = [
        "map_preview",
        "provenance",
        "verified_at",
        "verified_by",
        "notes",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {"fields": ["kind", "kind_label", "status", "sending", "sending_subdivision", "host"]},
        ),
        ("Place", {"fields": ["city", "address", "lat", "lon", "map_preview"]}),
        ("Contact", {"fields": ["phones", "emails", "website", "social", "opening_hours"]}),
        ("Coverage", {"fields": ["head_of_mission", "jurisdiction_regions", "inception"]}),
        ("Photo", {"fields": ["photo", "photo_author", "photo_licence", "photo_licence_url"]}),
        (
            "Identifiers and provenance",
            {
                "fields": [
                    "wikidata",
                    "osm_id",
                    "city_geonameid",
                    "provenance",
                    "verified_at",
                    "verified_by",
                    "notes",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    inlines = [AccreditationInline, StatusFactInline]
    date_hierarchy = "updated_at"
    actions = ["mark_verified"]
    formfield_overrides = URLS

    class Media:
        css = {"all": ["leaflet/leaflet.css", "directory/admin_map.css"]}
        js = ["leaflet/leaflet.js", "directory/admin_map.js"]

    @admin.display(description="Map")
    def map_preview(self, mission: Mission) -> str:
        """The coordinates as text and a link; a small map where tiles are configured."""
        if mission.lat is None or mission.lon is None:
            return "No coordinates yet."
        lat, lon = mission.lat, mission.lon
        text = format_html(
            '<p class="mission-map-coords">{}, {} (<a href="{}" target="_blank" rel="noopener">'
            "see it on OpenStreetMap</a>)</p>",
            f"{lat:.6f}",
            f"{lon:.6f}",
            _osm_link(lat, lon),
        )
        if not settings.MAP_TILE_URL:
            return text
        return format_html(
            '{}<div class="mission-map-preview" data-lat="{}" data-lon="{}" data-tiles="{}" '
            'data-attribution="&copy; OpenStreetMap contributors" role="region" '
            'aria-label="Map of these coordinates; drag the marker to move them"></div>',
            text,
            lat,
            lon,
            settings.MAP_TILE_URL,
        )

    @admin.display(description="Source of each field")
    def provenance(self, mission: Mission) -> str:
        if not mission.sources:
            return "-"
        rows = format_html_join(
            "", "<tr><td>{}</td><td>{}</td></tr>", sorted(mission.sources.items())
        )
        return format_html(
            '<table class="mission-sources"><thead><tr><th>Field</th><th>Source</th></tr>'
            "</thead><tbody>{}</tbody></table>",
            rows,
        )

    def save_model(self, request: HttpRequest, obj: Mission, form: Any, change: bool) -> None:
        # One way to edit a mission: the domain function marks the changed fields editor-held.
        obj._history_user = request.user  # type: ignore[attr-defined]
        version = _restored_version(request)
        if version is None:
            save_edit(obj, _editor(request), "edited" if change else "created")
            return
        when = f"{version.history_date:%Y-%m-%d %H:%M} UTC"
        restore_version(
            obj, version.accredited, _editor(request), f"restored the version of {when}"
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is StatusFact:
            save_inline_facts(request, formset)  # the facts become the editor's; status follows
            # The status was derived on a fresh copy: a later save of this one must not undo it.
            form.instance.refresh_from_db(fields=["status", "status_since", "moved_to", "sources"])
            return
        super().save_formset(request, form, formset, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        accredited = [f for f in formsets if f.model is Mission.accreditations.through]
        if any(formset.has_changed() for formset in accredited):
            mission = form.instance
            mission._history_user = request.user
            mark_edited(mission, ["accreditations"], _editor(request), "edited accreditations")

    @admin.action(description="Mark the selected missions as verified now")
    def mark_verified(self, request: HttpRequest, queryset: QuerySet[Mission]) -> None:
        # Confirming is not changing: no field's source moves, no history row is written.
        # The date still shows on the missions' pages; QuerySet.update sends no signals.
        countries = set(queryset.order_by().values_list("sending_id", "host_id").distinct())
        count = queryset.update(verified_at=timezone.now(), verified_by=_editor(request))
        countries_changed(code for pair in countries for code in pair)
        self.message_user(request, f"{count} mission(s) marked as verified.")


def _restored_version(request: HttpRequest) -> Any:
    """The version the admin's revert view is saving back, or None for any other save."""
    match = request.resolver_match
    if match is None or not str(match.url_name).endswith("_simple_history"):
        return None
    return Mission.history.filter(history_id=match.args[1]).first()


@admin.register(FieldConflict)
class FieldConflictAdmin(admin.ModelAdmin[FieldConflict]):
    """A source's new value against an editor's: accept the source's, or keep the editor's."""

    list_display = [
        "mission",
        "field",
        "summary",
        "resolved",
        "decision",
        "decided_by",
        "detected_at",
    ]
    list_filter = ["resolved", "decision", "field", "source", "current_source", "detected_at"]
    list_select_related = ["mission__sending", "mission__host"]
    search_fields = ["mission__city", "mission__wikidata", "current_source"]
    ordering = ["resolved", "-detected_at"]
    raw_id_fields = ["mission"]
    readonly_fields = ["summary", "decision", "decided_by", "decided_at"]
    actions = ["accept_source_value", "keep_editor_value"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # conflicts are found by imports, not entered by hand

    @admin.display(description="conflict")
    def summary(self, conflict: FieldConflict) -> str:
        return conflicts.describe(conflict)

    @admin.action(description="Accept the source's value", permissions=["change"])
    def accept_source_value(self, request: HttpRequest, queryset: QuerySet[FieldConflict]) -> None:
        done = [conflicts.accept_source_value(c, request.user) for c in self._open(queryset)]  # type: ignore[arg-type]
        self.message_user(request, f"Source value applied to {len(done)} mission(s).")

    @admin.action(description="Keep the editor's value", permissions=["change"])
    def keep_editor_value(self, request: HttpRequest, queryset: QuerySet[FieldConflict]) -> None:
        done = [conflicts.keep_editor_value(c, request.user) for c in self._open(queryset)]  # type: ignore[arg-type]
        self.message_user(request, f"Editor's value kept in {len(done)} conflict(s).")

    def _open(self, queryset: QuerySet[FieldConflict]) -> list[FieldConflict]:
        return list(queryset.filter(resolved=False).select_related("mission"))


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin[ImportRun]):
    """What each import did, for reading only: runs are written by the importers."""

    list_display = ["source", "finished_at", "added", "updated", "unchanged", "closed", "rejected"]
    list_filter = ["source"]
    search_fields = ["location"]
    date_hierarchy = "finished_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
