"""Which offices can help a citizen abroad: `embassies find --citizen XX --in YY [--near PLACE|LAT,LON] --json`."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.assistance.finder import Answer, FinderError, FinderResult
from embassies.assistance.points import Near, which_one
from embassies.assistance.points import answer as answer_near
from embassies.assistance.serialize import finder_to_dict
from embassies.countries.models import Country
from embassies.directory.freshness import freshness


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--citizen", required=True, help="Citizenship, ISO 3166-1 alpha-2 (CA)."
        )
        parser.add_argument("--in", dest="host", required=True, help="Where you are, alpha-2 (RU).")
        parser.add_argument(
            "--near",
            help="Where you are: a town or city in any of the site's languages (Saint Petersburg,"
            " Санкт-Петербург), or LAT,LON (43.1155,131.8855).",
        )
        parser.add_argument("--json", action="store_true", help="Print the answer as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            located, result = answer_near(
                options["citizen"], options["host"], options["near"] or ""
            )
        except FinderError as error:
            raise CommandError(str(error)) from error
        if result is None:
            raise CommandError(_choices(options["near"], options["host"], located))
        if options["json"]:
            self.stdout.write(json.dumps(finder_to_dict(result), ensure_ascii=False))
        else:
            self.show(result)

    def show(self, result: FinderResult) -> None:
        self.stdout.write(result.message)
        for said in (result.nationality_note, result.eu_rule):
            if said:
                self.stdout.write(said)
        for answer in result.answers:
            self.stdout.write(f"- {_office(answer)}{_where(answer)}: {answer.reason}")
            notice = freshness(answer.mission).notice if answer.mission else answer.note
            if notice:
                self.stdout.write(f"  {notice}")
        for answer in result.unavailable:
            self.stdout.write(f"- not available: {answer.reason}")
        for line in result.emergency_lines:
            self.stdout.write(f"Emergency line: {line.name}: {line.phone}")
        if result.no_emergency_line:
            self.stdout.write(result.no_emergency_line)


def _choices(near: str, host: str, located: Near) -> str:
    """Which place? Each with the LAT,LON to give as --near."""
    places = [f"- {place.label}: --near {place.near}" for place in located.choices]
    return "\n".join([which_one(near, Country.objects.get(code=host.strip().upper())), *places])


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
