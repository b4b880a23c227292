"""Admin for countries: searchable, so mission forms can autocomplete them; facts keep history."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from embassies.countries.models import Country


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    list_display = ["code", "name", "demonym", "capital", "is_state", "is_eu"]
    list_filter = ["is_eu", "is_state"]
    search_fields = ["code", "name", "alpha3", "demonym", "capital"]
    prepopulated_fields = {"slug": ["name"]}
    # CLDR's names in every language come from the reference data, not from editors.
    exclude = ["names"]
