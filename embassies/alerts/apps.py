"""Alerts: the seed's banner, the /alerts/ page and feed, and official travel advisories."""

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "embassies.alerts"
    verbose_name = "Alerts and travel advisories"

    def ready(self) -> None:
        from embassies.alerts import announce

        announce.connect()  # saved and deleted rows announce their countries (lib/changes.py)
