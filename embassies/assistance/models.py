"""Who else helps a country's citizens, and the numbers they can call: editable records with sources."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from embassies.countries.models import Country


class ArrangementKind(models.TextChoices):
    PROTECTING_POWER = "protecting_power", "Protecting power"
    INTERESTS_SECTION = "interests_section", "Interests section"
    CONSULAR_SHARING = "consular_sharing", "Consular-sharing agreement"
    NORDIC = "nordic", "Nordic cooperation (Helsinki Treaty)"
    EU_RULE = "eu_rule", "EU consular protection"


class Arrangement(models.Model):
    """A state that helps another's citizens in a host state; an empty host or representing
    state makes it a rule: any host where the represented state has no mission, any state of
    the group (Nordic or EU) that has one there."""

    represented = models.ForeignKey(Country, models.CASCADE, related_name="represented_by")
    host = models.ForeignKey(
        Country,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="arrangements_hosted",
        help_text="Empty: any host where the represented state has no mission able to help.",
    )
    representing = models.ForeignKey(
        Country,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="represents",
        help_text="Empty: any state of the group (Nordic or EU) with a mission there.",
    )
    kind = models.CharField(max_length=32, choices=ArrangementKind.choices)
    scope = models.TextField(blank=True, help_text="What the representing state does.")
    covers_consular = models.BooleanField(
        default=True, help_text="False when the mandate is diplomatic only (no help for citizens)."
    )
    since = models.CharField(max_length=10, blank=True, help_text="YYYY, YYYY-MM or YYYY-MM-DD.")
    source_url = models.URLField(max_length=500)
    notes = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["represented", "host", "representing", "kind"]

    def __str__(self) -> str:
        by = self.representing_id or "any"
        return f"{self.represented_id} in {self.host_id or 'any'} by {by} ({self.kind})"

    @property
    def is_rule(self) -> bool:
        return self.host_id is None or self.representing_id is None


class EmergencyLine(models.Model):
    """A foreign ministry's consular emergency number, for its citizens anywhere."""

    country = models.ForeignKey(Country, models.CASCADE, related_name="emergency_lines")
    name = models.CharField(max_length=200)
    phone = models.CharField(max_length=40)
    source_url = models.URLField(max_length=500)
    notes = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among the country's lines."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["country", "phone"], name="one_line_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.name}: {self.phone}"
