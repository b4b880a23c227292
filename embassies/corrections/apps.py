"""Corrections from the public and their moderation."""

from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    name = "embassies.corrections"
    verbose_name = "Corrections from the public"

    def ready(self) -> None:
        from embassies.corrections import checks  # noqa: F401  registers the system checks
