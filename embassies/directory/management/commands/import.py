"""Import data from a file: `embassies import SOURCE PATH` (e.g. `import wikidata-csv FILE`)."""

from __future__ import annotations

from argparse import ArgumentParser
from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

# source name -> "module:function"; each function takes (path, command) and returns an exit summary.
IMPORTERS: dict[str, str] = {
    "wikidata-csv": "embassies.directory.importing.cli:import_wikidata_csv",
    "osm-json": "embassies.directory.importing.osm_cli:import_osm_json",
    "representation-csv": "embassies.assistance.importing:import_representation_csv",
    "emergency-csv": "embassies.assistance.importing:import_emergency_csv",
}


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("source", choices=sorted(IMPORTERS), help="What kind of file PATH is.")
        parser.add_argument("path", help="The file to import.")

    def handle(self, *args: Any, **options: Any) -> None:
        module_name, _, func_name = IMPORTERS[options["source"]].partition(":")
        importer = getattr(import_module(module_name), func_name)
        try:
            importer(options["path"], self)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        except OperationalError as error:  # disk full, database gone: the transaction rolled back
            raise CommandError(
                f"the database refused the import ({error}); nothing was changed"
            ) from error
