"""Alerts: the seed's banner, the /alerts/ page and feed, and official travel advisories."""

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "embassies.alerts"
    verbose_name = "Alerts and travel advisories"

    def ready(self) -> None:
        from embassies.alerts import announce
        from embassies.alerts.advisories import issuers

        announce.connect()  # saved and deleted rows announce their countries (lib/changes.py)
        # An unknown code in EMBASSIES_ADVISORY_ISSUERS stops the start-up here, naming the
        # known ones, rather than the nightly fetch much later.
        issuers.configured()
