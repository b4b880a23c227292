"""Alerts (what a banner says about a country) and official travel advisories (levels 1-4)."""

from __future__ import annotations

from datetime import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from embassies.countries.models import Country
from embassies.directory.models import Mission


class Severity(models.IntegerChoices):
    """Ordered so that a larger number is more severe: banners sort on it."""

    INFORMATION = 1, "Information"
    ADVISORY = 2, "Advisory"
    CRISIS = 3, "Crisis"

    @classmethod
    def parse(cls, text: str) -> Severity:
        """'3', 'crisis' or 'Crisis' -> Severity.CRISIS; ValueError for anything else."""
        value = text.strip().lower()
        for member in cls:
            if value in (str(member.value), member.name.lower()):
                return member
        names = ", ".join(f"{m.value} or {m.name.lower()}" for m in cls)
        raise ValueError(f"unknown level {text!r}; use {names}")


class Source(models.TextChoices):
    EDITOR = "editor", "Editor"
    ADVISORY = "advisory", "Official travel advisory"


def active_q(now: datetime | None = None) -> Q:
    """Started and not ended: computed at request time, so a banner goes away by itself."""
    now = now or timezone.now()
    return Q(starts_at__lte=now) & (Q(ends_at__isnull=True) | Q(ends_at__gt=now))


class AdvisorySource(models.Model):
    """What an issuer's live source last answered, saved with the advisories it gave: the
    validators the next fetch sends (a conditional GET, answered 304 when nothing changed) and
    when the source was last read."""

    url = models.URLField(max_length=500, unique=True)
    issuer = models.CharField(max_length=8, db_index=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    checked_at = models.DateTimeField(help_text="The last answer read: stored, or 304.")

    def __str__(self) -> str:
        return f"{self.issuer} {self.url}"


# The top of the common scale every issuer's levels are mapped onto: "do not travel".
DO_NOT_TRAVEL = 4


class Advisory(models.Model):
    """One issuing government's current travel advisory for one country."""

    issuer = models.CharField(
        max_length=8, db_index=True, help_text='Issuing government, alpha-2 ("US", "GB").'
    )
    country = models.ForeignKey(Country, models.CASCADE, related_name="advisories")
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="The common scale, 1 (normal precautions) to 4 (do not travel).",
    )
    parts_only = models.BooleanField(
        default=False, help_text="The issuer warns more strictly about parts of the country."
    )
    issuer_level = models.CharField(
        max_length=200,
        blank=True,
        help_text='The issuer\'s own words for its level: "Reisewarnung", '
        '"Avoid non-essential travel".',
    )
    title = models.CharField(max_length=300, help_text="The advisory's title, as published.")
    published = models.DateTimeField(null=True, blank=True)
    link = models.URLField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["country__name", "issuer"]
        verbose_name_plural = "advisories"
        constraints = [
            models.UniqueConstraint(fields=["issuer", "country"], name="advisory_issuer_country"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="advisory_level_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.issuer}: {self.country_id} level {self.level}"

    @classmethod
    def of_issuer(cls, issuer: str) -> dict[str, Advisory]:
        """One issuer's stored advisories by country code."""
        return {a.country_id: a for a in cls.objects.filter(issuer=issuer)}


class Alert(models.Model):
    """A situation in a country that sends readers there to consular help (the seed's banner)."""

    country = models.ForeignKey(Country, models.PROTECT, related_name="alerts")
    headline = models.CharField(
        max_length=200, help_text='One sentence: "Russia is currently at war in Ukraine".'
    )
    body = models.TextField(blank=True)
    severity = models.PositiveSmallIntegerField(choices=Severity.choices, default=Severity.CRISIS)
    starts_at = models.DateTimeField(default=timezone.now, db_index=True)
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty: until an editor ends it."
    )
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.EDITOR)
    advisory = models.ForeignKey(
        Advisory,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="alerts",
        help_text="The advisory that raised it; the importer only touches alerts whose "
        "source is the advisory.",
    )
    source_url = models.URLField(max_length=500, blank=True)
    missions = models.ManyToManyField(
        Mission, blank=True, related_name="alerts", help_text="Missions it affects."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-severity", "-starts_at"]
        indexes = [models.Index(fields=["country", "ends_at"], name="alert_country_ends")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="alert_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.country_id}: {self.headline}"

    def is_active(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now and (self.ends_at is None or self.ends_at > now)
