"""The data-quality report: `embassies quality [--country CC] [--json] [--limit N]`.

One line per check with its count, then the host countries with the most problems and the
first missions of each check. `--country` keeps missions hosted in CC; `--json` prints the
whole report for machines.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.countries.models import Country
from embassies.directory.quality import DEFAULT_LIMIT, Report, build_report

WORST = 10


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--country", help="Only missions hosted in this country (alpha-2).")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--limit",
            type=int,
            default=DEFAULT_LIMIT,
            help=f"Missions listed per check (default {DEFAULT_LIMIT}; 0 lists none).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["limit"] < 0:
            raise CommandError("--limit must be 0 or more.")
        country = (options["country"] or "").strip().upper() or None
        if country is not None and not Country.objects.filter(code=country).exists():
            raise CommandError(f"--country: no country has the code {options['country']!r}.")
        report = build_report(country, options["limit"])
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write("\n".join(summary(report)))


def summary(report: Report) -> list[str]:
    where = report.names.get(report.country, report.country) if report.country else "all countries"
    lines = [f"Data quality, missions in {where}:"]
    width = max(len(c.label) for c in report.checks)
    lines += [f"  {c.label:<{width}}  {c.count:>6,}" for c in report.checks]
    worst = report.worst_countries(WORST)
    if worst and report.country is None:
        lines += ["", "Countries with the most problems:"]
        lines += [f"  {code}  {report.names.get(code, code):<30} {n:>6,}" for code, n in worst]
    for check in report.checks:
        if not check.missions:
            continue
        lines += ["", f"{check.label} ({check.count:,}):"]
        lines += [f"  [{m.id}] {m.title}: {m.detail}" for m in check.missions]
        if check.count > len(check.missions):
            lines.append(f"  ... and {check.count - len(check.missions):,} more")
    return lines
