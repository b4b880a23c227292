"""Import data from a file: `embassies import SOURCE PATH` (e.g. `import wikidata-csv FILE`),
or the data the package ships: `embassies import shipped`."""

from __future__ import annotations

from argparse import ArgumentParser, ArgumentTypeError
from datetime import date
from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError
from django.utils.translation import gettext

from embassies.bundled.load import load_shipped, summary
from embassies.lib.schema import schema_ready

# source name -> "module:function"; each function takes (path, command) and returns an exit summary.
IMPORTERS: dict[str, str] = {
    "wikidata-csv": "embassies.directory.importing.cli:import_wikidata_csv",
    "osm-json": "embassies.directory.importing.osm_cli:import_osm_json",
    "mission-status-csv": "embassies.directory.importing.status_apply:import_mission_status_csv",
    "representation-csv": "embassies.assistance.importing:import_representation_csv",
    "emergency-csv": "embassies.assistance.importing:import_emergency_csv",
}

# `embassies import shipped` reads no file of the user's: it loads the package's own data.
SHIPPED = "shipped"

# Importers whose files say nothing of their own date: the person importing may.
DATED = {"wikidata-csv"}
# Importers that close the missions their file no longer lists, within a limit a flag lifts.
CLOSING = {"wikidata-csv"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a date like 2022-11-16") from None


def _extra(options: dict[str, Any]) -> dict[str, Any]:
    """The options only some importers take, checked against the source."""
    extra: dict[str, Any] = {}
    if options.get("as_of"):
        if options["source"] not in DATED:
            raise CommandError(f"--as-of applies to {', '.join(sorted(DATED))} only")
        extra["as_of"] = options["as_of"]
    if options.get("allow_mass_close"):
        if options["source"] not in CLOSING:
            raise CommandError(f"--allow-mass-close applies to {', '.join(sorted(CLOSING))} only")
        extra["allow_mass_close"] = True
    return extra


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "source", choices=sorted([*IMPORTERS, SHIPPED]), help="What kind of file PATH is."
        )
        parser.add_argument("path", nargs="?", help="The file to import (none for shipped).")
        parser.add_argument(
            "--as-of",
            type=_date,
            metavar="YYYY-MM-DD",
            help="The date of the file's data (wikidata-csv; the shipped snapshot and files "
            "written by `sync wikidata --write-snapshot` know theirs).",
        )
        parser.add_argument(
            "--allow-mass-close",
            action="store_true",
            help="wikidata-csv: close every mission the file no longer lists, even more than "
            "EMBASSIES_IMPORT_MAX_CLOSE_PERCENT allows (a truncated file would close them all).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        schema_ready()
        if options["source"] == SHIPPED:
            return self.shipped(options["path"])
        if options["path"] is None:
            raise CommandError(gettext("give the file to import: embassies import SOURCE PATH"))
        module_name, _, func_name = IMPORTERS[options["source"]].partition(":")
        importer = getattr(import_module(module_name), func_name)
        try:
            importer(options["path"], self, **_extra(options))
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        except OperationalError as error:  # disk full, database gone: the transaction rolled back
            raise CommandError(
                f"the database refused the import ({error}); nothing was changed"
            ) from error

    def shipped(self, path: str | None) -> None:
        """Each shipped dataset whose kind of data the database does not hold yet (so running
        it again, or after a live sync, changes nothing)."""
        if path is not None:
            raise CommandError(gettext("`embassies import shipped` takes no PATH"))
        self.stdout.write(summary(load_shipped(self)))
