"""Admin for countries: searchable, so mission forms can autocomplete them."""

from __future__ import annotations

from django.contrib import admin

from embassies.countries.models import Country


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "demonym", "capital", "is_state", "is_eu"]
    list_filter = ["is_eu", "is_state"]
    search_fields = ["code", "name", "alpha3", "demonym", "capital"]
    prepopulated_fields = {"slug": ["name"]}
