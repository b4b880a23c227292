"""Add an alert for a country: `embassies alert add CC --headline TEXT [--level N] [--until DATE]`.

The banner shows on the country's pages, its missions' pages, news tagged with it and the
finder, from now until --until (a date: through that day, UTC), or until an editor ends it.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.alerts.editing import add_alert, parse_until
from embassies.alerts.models import Severity
from embassies.alerts.serialize import alert_to_dict
from embassies.lib.schema import schema_ready


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["add"], help="What to do.")
        parser.add_argument("country", help="The country concerned, ISO 3166-1 alpha-2 (RU).")
        parser.add_argument("--headline", required=True, help="One sentence the banner shows.")
        parser.add_argument(
            "--level",
            default="crisis",
            help="1 information, 2 advisory, 3 crisis (default); the name works too.",
        )
        parser.add_argument("--until", help="When it ends: 2026-12-31 or an ISO date-time.")
        parser.add_argument("--body", default="", help="More detail, shown on /alerts/.")
        parser.add_argument("--source-url", default="", help="Where the facts come from.")
        parser.add_argument(
            "--mission",
            type=int,
            action="append",
            default=[],
            metavar="ID",
            help="A mission it affects (repeat for several).",
        )
        parser.add_argument("--json", action="store_true", help="Print the alert as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        schema_ready()
        try:
            alert = add_alert(
                options["country"],
                options["headline"],
                level=Severity.parse(options["level"]),
                until=parse_until(options["until"]) if options["until"] else None,
                body=options["body"],
                source_url=options["source_url"],
                missions=tuple(options["mission"]),
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(alert_to_dict(alert), ensure_ascii=False))
        else:
            until = f" until {alert.ends_at:%Y-%m-%d %H:%M} UTC" if alert.ends_at else ""
            self.stdout.write(
                f"alert {alert.pk} added: {alert.country.name}, "
                f"{alert.get_severity_display().lower()}{until}: {alert.headline}"
            )
