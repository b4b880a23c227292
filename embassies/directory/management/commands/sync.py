"""Fetch data from a live source: `embassies sync wikidata|osm [--only CC ...]`.

wikidata: asks the Wikidata SPARQL endpoint once per sending state (retrying with back-off).
osm: asks the OpenStreetMap Overpass API for diplomatic offices and fills what missions lack.
Either imports everything in one transaction: if any request fails for good, nothing changes.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.directory.importing.cli import sync_wikidata
from embassies.directory.importing.osm_cli import sync_osm
from embassies.lib.http import FetchError


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("source", choices=["wikidata", "osm"], help="The live source to read.")
        parser.add_argument(
            "--only", nargs="+", default=[], metavar="CC",
            help="Only these sending states (ISO codes); others are left as they are.",
        )  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            sync = sync_osm if options["source"] == "osm" else sync_wikidata
            sync(options["only"], self)
        except (FetchError, ValueError) as error:
            raise CommandError(f"sync failed, nothing was changed: {error}") from error
