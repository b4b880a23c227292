"""Import official travel advisories: `embassies advisories fetch [PATH|URL] [--issuer CC]`.

With PATH or URL, reads that document as the issuer's (default US). With --issuer alone, that
issuer's live sources (for the US: the RSS feed, then the consular data API). With neither,
every issuer EMBASSIES_ADVISORY_ISSUERS names, in turn, one line each: one that fails is
reported and the others still run; the exit status then says so. One transaction per issuer:
a malformed or hostile document changes nothing. Level 4 raises a crisis alert for the
country; when no issuer says 4 any more, that alert is ended.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.alerts.advisories import issuers
from embassies.alerts.advisories.runs import FAILURES, Outcome, fetch_all, fetch_one
from embassies.alerts.advisories.store import Summary
from embassies.lib.schema import schema_ready


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["fetch"], help="What to do.")
        parser.add_argument("source", nargs="?", help="A file or URL; default: the live feed.")
        parser.add_argument(
            "--issuer",
            choices=sorted(issuers.ISSUERS),
            help="Whose advisories (default: US for a PATH or URL, else every configured one).",
        )
        parser.add_argument("--json", action="store_true", help="Print the summary as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        schema_ready()
        if options["source"] or options["issuer"]:
            self.one(options["issuer"] or "US", options["source"], options["json"])
        else:
            self.every(options["json"])

    def one(self, code: str, source: str | None, as_json: bool) -> None:
        try:
            summary = fetch_one(issuers.get(code), source)
        except FAILURES as error:
            raise CommandError(f"nothing was imported: {error}") from error
        self.stdout.write(
            json.dumps(asdict(summary), ensure_ascii=False) if as_json else self.line(summary)
        )
        self.problems(summary)

    def every(self, as_json: bool) -> None:
        outcomes = fetch_all()
        for outcome in outcomes:
            if outcome.summary is None:
                self.stderr.write(self.failed(outcome))
            elif not as_json:
                self.stdout.write(self.line(outcome.summary))
            if outcome.summary is not None:
                self.problems(outcome.summary)
        if as_json:
            self.stdout.write(json.dumps([self.as_dict(o) for o in outcomes], ensure_ascii=False))
        failed = [f"{o.issuer} ({o.error})" for o in outcomes if o.summary is None]
        if failed:
            count = f"{len(failed)} of {len(outcomes)} issuers"
            raise CommandError(
                f"{count} failed, nothing of theirs was changed: {'; '.join(failed)}"
            )

    def as_dict(self, outcome: Outcome) -> dict[str, Any]:
        if outcome.summary is None:
            return {"issuer": outcome.issuer, "error": outcome.error}
        return asdict(outcome.summary)

    def failed(self, outcome: Outcome) -> str:
        name = issuers.name_of(outcome.issuer)
        return f"{name} advisories: nothing was imported: {outcome.error}"

    def line(self, s: Summary) -> str:
        if s.not_modified:
            return (
                f"{issuers.name_of(s.issuer)} advisories from {s.source}: not modified since "
                f"the last fetch (304); unchanged {s.unchanged}"
            )
        return (
            f"{issuers.name_of(s.issuer)} advisories from {s.source}: read {s.read}, "
            f"added {s.added}, updated {s.updated}, unchanged {s.unchanged}; crisis alerts "
            f"raised {len(s.raised)} {' '.join(s.raised)}, ended {len(s.ended)} {' '.join(s.ended)}"
        )

    def problems(self, s: Summary) -> None:
        """On stderr whatever the output format, so a cron job's log shows them."""
        for title in s.unresolved:
            self.stderr.write(f"{s.issuer}: unresolved, not imported: {title}")
        for note in s.notes:
            self.stderr.write(f"{s.issuer}: note: {note}")
