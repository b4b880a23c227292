"""Which offices can help a citizen abroad: `embassies find --citizen XX --in YY [--near LAT,LON] --json`."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.assistance.finder import Answer, FinderError, FinderResult, find
from embassies.assistance.points import parse_point
from embassies.assistance.serialize import finder_to_dict
from embassies.directory.freshness import freshness


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--citizen", required=True, help="Citizenship, ISO 3166-1 alpha-2 (CA)."
        )
        parser.add_argument("--in", dest="host", required=True, help="Where you are, alpha-2 (RU).")
        parser.add_argument("--near", help="Where you are exactly: LAT,LON (43.1155,131.8855).")
        parser.add_argument("--json", action="store_true", help="Print the answer as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            near = parse_point(options["near"]) if options["near"] else None
            result = find(options["citizen"], options["host"], near)
        except FinderError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(finder_to_dict(result), ensure_ascii=False))
        else:
            self.show(result)

    def show(self, result: FinderResult) -> None:
        self.stdout.write(result.message)
        for answer in result.answers:
            self.stdout.write(f"- {_office(answer)}{_where(answer)}: {answer.reason}")
            notice = freshness(answer.mission).notice if answer.mission else answer.note
            if notice:
                self.stdout.write(f"  {notice}")
        for answer in result.unavailable:
            self.stdout.write(f"- not available: {answer.reason}")
        for line in result.emergency_lines:
            self.stdout.write(f"Emergency line: {line.name}: {line.phone}")


def _office(answer: Answer) -> str:
    """The mission's title; for an office the directory does not know, its title and date
    (the answer's note then says why no address is given)."""
    if answer.mission is not None:
        return answer.mission.title
    since = f" (since {answer.since})" if answer.since else ""
    return f"{answer.office.title if answer.office else ''}{since}"


def _where(answer: Answer) -> str:
    if answer.in_city:
        return f" (in {answer.in_city})"
    return f" ({answer.distance_km:,.0f} km)" if answer.distance_km is not None else ""
