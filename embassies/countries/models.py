"""A country or territory, as stored: reference facts plus what editors may change."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class Country(models.Model):
    """One ISO 3166-1 country or territory (plus XK, Kosovo), keyed by its alpha-2 code."""

    code = models.CharField(max_length=2, primary_key=True)
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, help_text="Common English name (CLDR).")
    names = models.JSONField(default=dict, help_text="CLDR names by language code.")
    official_name = models.CharField(max_length=200, blank=True)
    alpha3 = models.CharField(max_length=3, blank=True)
    demonym = models.CharField(max_length=80, blank=True, help_text='"Canadian", "Dutch".')
    alt_names = models.JSONField(default=list, help_text="Former and alternative names.")
    capital = models.CharField(max_length=120, blank=True)
    seat_of_government = models.CharField(max_length=120, blank=True)
    wikidata = models.CharField(max_length=20, blank=True, db_index=True)
    is_state = models.BooleanField(default=True, help_text="False for dependent territories.")
    is_eu = models.BooleanField(default=False)
    # Editors correct facts (capital, demonym, former names); CLDR names are not theirs to keep.
    history = HistoricalRecords(excluded_fields=["names"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return str(self.names.get(language) or self.name)
