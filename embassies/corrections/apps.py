"""Corrections from the public and their moderation."""

from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    name = "embassies.corrections"
    verbose_name = "Corrections from the public"
