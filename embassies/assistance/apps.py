"""Who can help a citizen abroad: the finder, representation arrangements, emergency lines."""

from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "embassies.assistance"
    verbose_name = "Consular assistance"

    def ready(self) -> None:
        from embassies.assistance import announce
        from embassies.directory.search import signals

        # Search and finder ship together; this app is the one that wires the search index too.
        signals.connect()
        announce.connect()  # saved and deleted rows announce their countries (lib/changes.py)
