"""A correction a visitor proposed for one mission, and what an editor decided about it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from embassies.corrections.fields import LABELS
from embassies.directory.models import Mission

# FieldConflict.current_source holds at most 80 characters: an editor string must fit there.
EDITOR_MAX = 80


class State(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Correction(models.Model):
    """Proposed values for some fields of a mission; nothing is shown before it is accepted."""

    mission = models.ForeignKey(Mission, models.CASCADE, related_name="corrections")
    changes = models.JSONField(help_text="field name -> proposed value (changed fields only).")
    original = models.JSONField(
        default=dict, help_text="field name -> the value the submitter saw, to spot later edits."
    )
    comment = models.TextField(blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    submitter_hash = models.CharField(
        max_length=64, db_index=True, help_text="Salted hash of the sender's address, never the IP."
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    applied = models.JSONField(
        default=dict, blank=True, help_text="field name -> value written to the mission."
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"Correction {self.pk} of mission {self.mission_id}"

    @property
    def field_labels(self) -> str:
        return ", ".join(str(LABELS.get(name, name)) for name in self.changes)

    def editor(self, username: str) -> str:
        """'editor:correction:12:alice': the source the accepted fields carry from now on."""
        return f"editor:correction:{self.pk}:{username}"[:EDITOR_MAX]
