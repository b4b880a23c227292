from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "embassies.directory"
    verbose_name = "Directory"

    def ready(self) -> None:
        # Connects the signal that keeps accreditations in each version of a mission.
        from embassies.directory import accreditation_history  # noqa: F401
        from embassies.directory.announce import connect as announce_changes

        announce_changes()  # saved and deleted rows announce their countries (lib/changes.py)
