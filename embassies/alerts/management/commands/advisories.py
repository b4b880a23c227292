"""Import official travel advisories: `embassies advisories fetch [PATH|URL] [--issuer US]`.

Without PATH or URL, reads the issuer's live sources in turn (for the US: the RSS feed,
then the consular data API). One transaction: a malformed or hostile document changes
nothing. Level 4 raises a crisis alert for the country; below 4 that alert is ended.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.alerts.advisories import issuers
from embassies.alerts.advisories.items import AdvisoryFormatError
from embassies.alerts.advisories.sources import load
from embassies.alerts.advisories.store import Summary, store
from embassies.lib.http import FetchError
from embassies.lib.schema import schema_ready


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["fetch"], help="What to do.")
        parser.add_argument("source", nargs="?", help="A file or URL; default: the live feed.")
        parser.add_argument(
            "--issuer", default="US", choices=sorted(issuers.ISSUERS), help="Whose advisories."
        )
        parser.add_argument("--json", action="store_true", help="Print the summary as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        schema_ready()
        issuer = issuers.get(options["issuer"])
        try:
            where, items = load(issuer, options["source"])
            summary = store(issuer, items, where)
        except (AdvisoryFormatError, FetchError, OSError) as error:
            raise CommandError(f"nothing was imported: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(asdict(summary), ensure_ascii=False))
        else:
            self.stdout.write(self.line(summary))
        self.problems(summary)

    def line(self, s: Summary) -> str:
        return (
            f"{issuers.name_of(s.issuer)} advisories from {s.source}: read {s.read}, "
            f"added {s.added}, updated {s.updated}, unchanged {s.unchanged}; crisis alerts "
            f"raised {len(s.raised)} {' '.join(s.raised)}, ended {len(s.ended)} {' '.join(s.ended)}"
        )

    def problems(self, s: Summary) -> None:
        """On stderr whatever the output format, so a cron job's log shows them."""
        for title in s.unresolved:
            self.stderr.write(f"unresolved, not imported: {title}")
        for note in s.notes:
            self.stderr.write(f"note: {note}")
