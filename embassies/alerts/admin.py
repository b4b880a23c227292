"""Editors manage alerts here (every version kept, restorable from an alert's history);
advisories are shown for reference (the importer keeps them)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import bulk_update_with_history

from embassies.alerts.models import Advisory, Alert, active_q
from embassies.lib.changes import countries_changed

# Links typed without a scheme are taken as https (Django 6's default, without its warning).
URLS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class ActiveFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Alert]
    ) -> list[tuple[str, str]]:
        return [("active", "Active now"), ("inactive", "Ended or scheduled")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Alert]) -> QuerySet[Alert]:
        if self.value() == "active":
            return queryset.filter(active_q())
        if self.value() == "inactive":
            return queryset.exclude(active_q())
        return queryset


@admin.register(Alert)
class AlertAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    list_display = ["country", "headline", "severity", "starts_at", "ends_at", "source", "active"]
    list_filter = [ActiveFilter, "severity", "source", "country"]
    list_select_related = ["country"]
    search_fields = ["headline", "body", "country__name", "country__code"]
    autocomplete_fields = ["country", "missions"]
    raw_id_fields = ["advisory"]
    date_hierarchy = "starts_at"
    actions = ["end_now"]
    formfield_overrides = URLS

    @admin.display(boolean=True)
    def active(self, alert: Alert) -> bool:
        return alert.is_active()

    @admin.action(description="End the selected alerts now")
    def end_now(self, request: HttpRequest, queryset: QuerySet[Alert]) -> None:
        now = timezone.now()
        ending = list(queryset.filter(active_q(now)))
        for alert in ending:
            alert.ends_at = alert.updated_at = now
        # Ending is a change like any other: each alert's history records it, and who did it.
        bulk_update_with_history(
            ending,
            Alert,
            ["ends_at", "updated_at"],
            default_user=request.user,
            default_change_reason="ended now by an editor",
            default_date=now,
        )
        countries_changed(a.country_id for a in ending)  # a bulk update sends no signals
        self.message_user(request, f"{len(ending)} alert(s) ended.")


@admin.register(Advisory)
class AdvisoryAdmin(admin.ModelAdmin[Advisory]):
    list_display = ["country", "issuer", "level", "title", "published", "updated_at"]
    list_filter = ["issuer", "level", "country"]
    list_select_related = ["country"]
    search_fields = ["country__name", "country__code", "title"]
    readonly_fields = ["updated_at"]
    formfield_overrides = URLS
