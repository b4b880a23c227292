"""Which data a saved or deleted mission, status fact or accreditation changes: its countries
(announced per transaction, see lib/changes.py). Connected in DirectoryConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, pre_save

from embassies.directory.models import Mission, StatusFact
from embassies.lib.changes import announce, announce_rows


def _mission_before(sender: Any, instance: Mission, **kwargs: Any) -> None:
    """A mission moved to another host or sender leaves the old countries' pages too."""
    if instance.pk is not None:
        old = Mission.objects.filter(pk=instance.pk).values_list("sending_id", "host_id").first()
        instance._countries_before = list(old or ())  # type: ignore[attr-defined]


def _mission_countries(mission: Mission) -> list[str]:
    before = getattr(mission, "_countries_before", [])
    return [mission.sending_id, mission.host_id, *before]


def _fact_countries(fact: StatusFact) -> list[str] | None:
    """A fact's source or dates show on its mission's page even when the status stays."""
    found = Mission.objects.filter(pk=fact.mission_id).values_list("sending_id", "host_id")
    return list(found.first() or ()) or None


def _accreditations(
    sender: Any, instance: Any, action: str, pk_set: Any, using: str, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Mission) and action != "post_clear":
        announce([instance.sending_id, instance.host_id, *(pk_set or ())], using)
    else:  # from the country's side, or cleared: the codes are not at hand
        announce(None, using)


def connect() -> None:
    uid = "changes"
    pre_save.connect(_mission_before, Mission, dispatch_uid=uid)
    m2m_changed.connect(_accreditations, Mission.accreditations.through, dispatch_uid=uid)
    announce_rows(Mission, _mission_countries)
    announce_rows(StatusFact, _fact_countries)
