"""Admin for status facts: editors change or end each fact, on its own page or inline on
its mission. Every save or deletion makes the fact the editor's and derives the mission's
status again (`status.save_fact`, `status.delete_fact`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from embassies.directory import status
from embassies.directory.editing import admin_editor
from embassies.directory.models import Mission, StatusFact
from embassies.lib.urls import web_url


class StatusFactForm(forms.ModelForm[StatusFact]):
    """Dates at the precision the source gives; only web links as sources."""

    source_url = forms.URLField(max_length=500, assume_scheme="https")

    class Meta:
        model = StatusFact
        fields = ["status", "since", "until", "moved_to", "source_url", "source_title", "note"]

    def _date(self, name: str) -> str:
        value = str(self.cleaned_data.get(name) or "")
        try:
            return status.partial_date(value) if value else ""
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_since(self) -> str:
        return self._date("since")

    def clean_until(self) -> str:
        return self._date("until")

    def clean_source_url(self) -> str:
        url = str(self.cleaned_data.get("source_url") or "")
        if not web_url(url):
            raise forms.ValidationError("Give the source as an http:// or https:// address.")
        return url


def _editor(request: HttpRequest) -> str:
    return admin_editor(request.user.get_username())


class StatusFactInline(admin.StackedInline[StatusFact, Mission]):
    """A mission's status facts; saved through MissionAdmin.save_formset."""

    model = StatusFact
    form = StatusFactForm
    extra = 0
    readonly_fields = ["source"]
    verbose_name = "status fact (closed, suspended, relocated, reopened)"


@admin.register(StatusFact)
class StatusFactAdmin(admin.ModelAdmin[StatusFact]):
    form = StatusFactForm
    list_display = ["mission", "status", "since", "until", "source", "updated_at"]
    list_filter = ["status", "source"]
    list_select_related = ["mission__sending", "mission__host"]
    search_fields = ["mission__city", "mission__wikidata", "source_title", "source_url"]
    raw_id_fields = ["mission"]
    readonly_fields = ["source", "updated_at"]
    fields = ["mission", *StatusFactForm.Meta.fields, "source", "updated_at"]

    def save_model(self, request: HttpRequest, obj: StatusFact, form: Any, change: bool) -> None:
        status.save_fact(obj, _editor(request))

    def delete_model(self, request: HttpRequest, obj: StatusFact) -> None:
        status.delete_fact(obj, _editor(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[StatusFact]) -> None:
        for fact in queryset:
            status.delete_fact(fact, _editor(request))


def save_inline_facts(request: HttpRequest, formset: Any) -> None:
    """The facts changed or deleted in a mission's inline, each as an editor's."""
    for fact in formset.save(commit=False):
        status.save_fact(fact, _editor(request))
    for fact in formset.deleted_objects:
        status.delete_fact(fact, _editor(request))
    formset.save_m2m()
