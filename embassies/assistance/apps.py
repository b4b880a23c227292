"""Who can help a citizen abroad: the finder, representation arrangements, emergency lines."""

from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "embassies.assistance"
    verbose_name = "Consular assistance"

    def ready(self) -> None:
        # Search and finder ship together; this app is the one that wires the search index too.
        from embassies.directory.search import signals

        signals.connect()
