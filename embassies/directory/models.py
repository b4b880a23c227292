"""Missions and what is known about each: where it is, how to reach it, where each fact came from."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from embassies.countries.models import Country
from embassies.directory import limits, titles
from embassies.directory.kinds import Kind


class Status(models.TextChoices):
    OPEN = "open", "Open"
    SUSPENDED = "suspended", "Operations suspended"
    CLOSED = "closed", "Closed"
    RELOCATED = "relocated", "Relocated"


_SHORT_KIND_LABELS = {kind.value: str(kind.label).split(" (")[0] for kind in Kind}


def short_kind_label(kind: str) -> str:
    return _SHORT_KIND_LABELS.get(kind, kind)


def mission_title(
    kind: str, sending: titles.Named, host: titles.Named, city: str = "", subdivision: str = ""
) -> str:
    """'Embassy of Canada in Moscow, Russia' from plain values: the English title."""
    return titles.english_title(titles.Office(kind, sending, host, city, subdivision))


def mission_slug(sender: str, kind: str, place: str) -> str:
    """'canada-embassy-moscow': readable, not unique (URLs carry the id too)."""
    return slugify(f"{sender} {_SHORT_KIND_LABELS.get(kind, kind)} {place}")[:200] or "mission"


class _Coordinate(models.FloatField):  # type: ignore[type-arg]
    """A latitude or longitude: checked by `limits` when a mission is validated, and read as
    None when the stored value is no coordinate (NaN, Infinity or out of range, written before
    the check existed), so that pages, search and the finder see no position, never fail."""

    bounds = limits.LATITUDE

    def from_db_value(self, value: float | None, expression: Any, connection: Any) -> float | None:
        return value if limits.in_bounds(value, self.bounds) else None

    def deconstruct(self) -> Any:
        # A plain FloatField to migrations: the column is the same, so no migration is needed.
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.FloatField", args, kwargs


class _Latitude(_Coordinate):
    default_validators = [limits.latitude]


class _Longitude(_Coordinate):
    bounds = limits.LONGITUDE
    default_validators = [limits.longitude]


class AccreditationSnapshot(models.Model):
    """Part of every version of a mission: the states it also covered then. Accreditations are
    rows of their own, not a column, so each version keeps their codes to show and restore."""

    accredited = models.JSONField(
        null=True,
        blank=True,
        help_text="Codes of the other states covered in this version (null: not recorded, "
        "the version predates their recording).",
    )

    class Meta:
        abstract = True


class Mission(models.Model):
    """One embassy, consulate or other office of a sending state in a host state."""

    slug = models.SlugField(max_length=200)
    wikidata = models.CharField(max_length=20, unique=True, null=True, blank=True)
    osm_id = models.CharField(
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text='OpenStreetMap element, "node/123" or "way/456".',
    )
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.EMBASSY)
    kind_label = models.CharField(max_length=120, blank=True, help_text="The source's own label.")
    sending = models.ForeignKey(Country, models.PROTECT, related_name="missions_abroad")
    sending_subdivision = models.CharField(
        max_length=120, blank=True, help_text='Sub-national sender, e.g. "Quebec".'
    )
    host = models.ForeignKey(Country, models.PROTECT, related_name="missions_hosted")
    city = models.CharField(max_length=120, blank=True, db_index=True)
    city_geonameid = models.IntegerField(null=True, blank=True)
    address = models.TextField(blank=True, help_text="Street address; district kept here.")
    lat = _Latitude(null=True, blank=True)
    lon = _Longitude(null=True, blank=True)
    phones = models.JSONField(default=list, blank=True)
    emails = models.JSONField(default=list, blank=True)
    website = models.URLField(max_length=500, blank=True)
    social = models.JSONField(default=dict, blank=True, help_text="facebook, twitter, youtube.")
    opening_hours = models.CharField(
        max_length=500, blank=True, help_text="OpenStreetMap opening_hours syntax."
    )
    head_of_mission = models.CharField(max_length=200, blank=True)
    accreditations = models.ManyToManyField(
        Country, blank=True, related_name="accredited_missions", help_text="Other states covered."
    )
    jurisdiction_regions = models.JSONField(
        default=list, blank=True, help_text='Regions a consulate covers ("Bavaria").'
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    status_since = models.CharField(
        max_length=10,
        blank=True,
        help_text="YYYY, YYYY-MM or YYYY-MM-DD: since when the status holds, as its evidence says.",
    )
    moved_to = models.CharField(
        max_length=200,
        blank=True,
        help_text='Where a relocated mission\'s services went: "Doha (QA)".',
    )
    territory = models.CharField(
        max_length=120,
        blank=True,
        help_text="An entity the host state does not control (Abkhazia): never offered as help there.",
    )
    position_approximate = models.BooleanField(
        default=False, help_text="lat/lon are its city's centre, not the building's."
    )
    photo = models.URLField(max_length=500, blank=True)
    photo_author = models.CharField(max_length=300, blank=True)
    photo_licence = models.CharField(max_length=120, blank=True)
    photo_licence_url = models.URLField(max_length=500, blank=True)
    inception = models.DateField(null=True, blank=True)
    sources = models.JSONField(
        default=dict, blank=True, help_text="field name -> source (wikidata, editor:NAME, ...)."
    )
    notes = models.TextField(blank=True, help_text="Repairs made on import, and why.")
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    search_document = models.TextField(
        blank=True, default="", editable=False, help_text="Words full-text search reads."
    )
    verified_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="The date of the data that last confirmed this mission (a source's date, "
        "an editor's check), not the day it was imported.",
    )
    verified_by = models.CharField(
        max_length=80,
        blank=True,
        help_text='Who confirmed it then: "wikidata", "osm", "editor:...".',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Every change saved one at a time (API, admin) is kept, with who made it. Bulk imports
    # record their runs in ImportRun instead.
    history = HistoricalRecords(
        excluded_fields=["search_document", "source_hash"], bases=[AccreditationSnapshot]
    )

    class Meta:
        ordering = ["sending__name", "host__name", "city", "id"]
        indexes = [
            models.Index(fields=["host", "sending"]),
            models.Index(fields=["sending", "host"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("web:mission", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def title(self) -> str:
        """'Embassy of Canada in Moscow, Russia', the English title the API and CLI speak."""
        return titles.english_title(self)

    def get_kind_display_short(self) -> str:
        """'Representative office', without the parenthesis of the full label."""
        return short_kind_label(self.kind)

    def make_slug(self) -> str:
        sender = self.sending_subdivision or self.sending.name
        return mission_slug(sender, self.kind, self.city or self.host.name)

    @property
    def is_helping(self) -> bool:
        return self.status == Status.OPEN


class ConflictDecision(models.TextChoices):
    SOURCE = "source", "source's value accepted"
    EDITOR = "editor", "editor's value kept"


class FieldConflict(models.Model):
    """An import found a new value for a field an editor set: kept for review, never applied."""

    mission = models.ForeignKey(Mission, models.CASCADE, related_name="conflicts")
    field = models.CharField(max_length=60)
    source = models.CharField(max_length=40)
    source_value = models.JSONField(null=True)
    current_value = models.JSONField(null=True)
    current_source = models.CharField(max_length=80)
    detected_at = models.DateTimeField(auto_now=True)
    resolved = models.BooleanField(default=False)
    # Who settled it, how and when: a username, not a key, so the record outlives the account.
    decision = models.CharField(max_length=10, blank=True, choices=ConflictDecision.choices)
    decided_by = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "field", "source"], name="one_conflict_per_field"
            )
        ]

    def __str__(self) -> str:
        return f"{self.field} of mission {self.mission_id}: {self.source} vs {self.current_source}"


class ImportRun(models.Model):
    """One run of an importer, with its summary and every rejected row's reason."""

    source = models.CharField(max_length=40)
    location = models.CharField(max_length=500, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    repaired = models.PositiveIntegerField(default=0)
    data_as_of = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The date of the data read (a snapshot's date, a live query's time), not of the run.",
    )
    rejections = models.JSONField(default=list, help_text="[{row, qid, reason, code}]")
    # Counted when the run is stored, so reports and metrics never parse reasons back from text.
    rejected_by_code = models.JSONField(
        default=dict, blank=True, help_text="{reason code: rows rejected for it}"
    )
    repairs = models.JSONField(default=list, help_text="[{row, qid, repair}]")

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"{self.source} import of {self.finished_at:%Y-%m-%d %H:%M}"


class FactStatus(models.TextChoices):
    CLOSED = "closed", "Closed"
    SUSPENDED = "suspended", "Operations suspended"
    RELOCATED = "relocated", "Relocated"
    REOPENED = "reopened", "Reopened"


class StatusFact(models.Model):
    """A sourced change in a mission's status (closed, suspended, relocated, reopened): the
    evidence its status comes from. The latest fact in force decides; editors may change or
    end any fact, and an import never overwrites a fact an editor touched."""

    mission = models.ForeignKey(Mission, models.CASCADE, related_name="status_facts")
    status = models.CharField(max_length=16, choices=FactStatus.choices)
    since = models.CharField(max_length=10, help_text="YYYY, YYYY-MM or YYYY-MM-DD.")
    until = models.CharField(
        max_length=10, blank=True, help_text="Empty while the fact is in force."
    )
    moved_to = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500)
    source_title = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)
    source = models.CharField(
        max_length=80,
        default="mission_status",
        help_text='Who asserts it: "mission_status" (the curated file) or "editor:admin:NAME".',
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission", "since", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "status", "since"], name="one_fact_per_status_and_date"
            )
        ]

    def __str__(self) -> str:
        return f"mission {self.mission_id} {self.status} since {self.since}"
