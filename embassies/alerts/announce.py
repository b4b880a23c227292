"""Alerts and advisories change their country's pages (announced per transaction, see
lib/changes.py). Connected in AlertsConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed

from embassies.alerts.models import Advisory, Alert
from embassies.lib.changes import announce, announce_rows


def _alert_missions(sender: Any, instance: Any, action: str, using: str, **kwargs: Any) -> None:
    if action.startswith("post_"):  # from the mission's side the alert's country is not at hand
        announce([instance.country_id] if isinstance(instance, Alert) else None, using)


def connect() -> None:
    m2m_changed.connect(_alert_missions, Alert.missions.through, dispatch_uid="changes")
    announce_rows(Alert, lambda alert: [alert.country_id])
    announce_rows(Advisory, lambda advisory: [advisory.country_id])
