"""Arrangements and emergency lines change their countries' pages and the finder (announced
per transaction, see lib/changes.py). Connected in AssistanceConfig.ready()."""

from __future__ import annotations

from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.lib.changes import announce_rows


def _arrangement_countries(arrangement: Arrangement) -> list[str]:
    found = (arrangement.represented_id, arrangement.host_id, arrangement.representing_id)
    return [c for c in found if c]


def connect() -> None:
    announce_rows(Arrangement, _arrangement_countries)
    announce_rows(EmergencyLine, lambda line: [line.country_id])
