"""Fetch data from a live source: `embassies sync wikidata|osm [--only CC ...]`.

wikidata --write-snapshot PATH also saves the rows read in the shipped snapshot's format
(gzip when PATH ends in .gz) with PATH.json beside it: the query's time, the CSV's SHA-256
and the endpoint.

wikidata: asks the Wikidata SPARQL endpoint once per sending state (retrying with back-off).
osm: asks the OpenStreetMap Overpass API for diplomatic offices and fills what missions lack.
Either imports everything in one transaction: if any request fails for good, nothing changes.
wikidata closes the missions it no longer lists, but refuses to close more than
EMBASSIES_IMPORT_MAX_CLOSE_PERCENT of those open in its scope unless --allow-mass-close is given.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from embassies.directory.importing.cli import sync_wikidata
from embassies.directory.importing.osm_cli import sync_osm
from embassies.lib.http import FetchError
from embassies.lib.schema import schema_ready


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("source", choices=["wikidata", "osm"], help="The live source to read.")
        parser.add_argument(
            "--only",
            nargs="+",
            default=[],
            metavar="CC",
            help="Only these sending states (ISO codes); others are left as they are.",
        )
        parser.add_argument(
            "--write-snapshot",
            type=Path,
            metavar="PATH",
            help="wikidata: also save the rows read as a snapshot file (and PATH.json).",
        )
        parser.add_argument(
            "--allow-mass-close",
            action="store_true",
            help="wikidata: close every mission Wikidata no longer lists, even more than "
            "EMBASSIES_IMPORT_MAX_CLOSE_PERCENT allows (a failing endpoint could list none).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        schema_ready()
        snapshot = options["write_snapshot"]
        if snapshot is not None and options["source"] != "wikidata":
            raise CommandError(gettext("--write-snapshot applies to `sync wikidata` only"))
        mass_close = options["allow_mass_close"]
        if mass_close and options["source"] != "wikidata":
            raise CommandError(gettext("--allow-mass-close applies to `sync wikidata` only"))
        try:
            if options["source"] == "osm":
                sync_osm(options["only"], self)
            else:
                sync_wikidata(options["only"], self, snapshot, mass_close)
        # OSError: the snapshot could not be written, before anything was imported.
        except (FetchError, ValueError, OSError) as error:
            raise CommandError(f"sync failed, nothing was changed: {error}") from error
