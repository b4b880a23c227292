"""Collect static files, load the shipped data into an empty database (unless --no-load or
EMBASSIES_LOAD_SHIPPED=0), then serve the site with Granian (a production HTTP server).
A database with migrations pending is refused: run `embassies migrate` first.

`embassies serve [--host H] [--port P] [--workers N] [--no-load]`; defaults to
http://127.0.0.1:8000.
"""

from __future__ import annotations

import logging
import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from embassies.bundled.load import database_is_empty, load_shipped, summary
from embassies.directory.models import Mission
from embassies.directory.search.engine import warm
from embassies.lib.schema import schema_ready
from embassies.ops.bodies import BodyDeadline
from embassies.ops.checks import METRICS_OPEN, metrics_open
from embassies.ops.server import THREADS, limit_statements, server

log = logging.getLogger(__name__)

EMPTY_NOTE = (
    "The directory is empty. Load it with `embassies sync wikidata` (online, from Wikidata),\n"
    "`embassies import shipped` (the data this package ships)\n"
    "or `embassies import wikidata-csv FILE` (offline, from a Wikidata CSV file).\n"
)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--workers", type=int, default=settings.SERVE_WORKERS, help="Worker processes."
        )
        parser.add_argument(
            "--no-load",
            dest="load",
            action="store_false",
            help="Do not load the shipped data into an empty database (for a site synced live).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        schema_ready()
        call_command("collectstatic", interactive=False, verbosity=0)
        self.first_start(options["load"])
        # Loaded once here, before workers fork, so they share it instead of each loading it
        # (seconds) on its first search.
        warm()
        # Workers are forked: they must not share the connection the master just used.
        connections.close_all()
        limit_statements(settings.DB_STATEMENT_TIMEOUT_MS)
        from embassies.ops.metrics import reset_dir
        from embassies.wsgi import application

        reset_dir()  # the new workers' metrics start from zero, not from a past run's files

        if metrics_open():  # the system check said it too; this line reaches the log collector
            log.warning(METRICS_OPEN)
        host, port = options["host"], options["port"]
        sys.stderr.write(f"Serving on http://{host}:{port}/\n")
        guarded = BodyDeadline(application, settings.BODY_READ_TIMEOUT, running=THREADS)
        server(host, port, options["workers"]).serve(
            # The application imported above, inherited by the forked workers (a preload).
            target_loader=lambda *_: guarded,
            wrap_loader=False,
        )

    def first_start(self, load: bool) -> None:
        """A fresh install serves a useful site at once: an empty database gets the shipped
        data, unless the operator turned that off to sync from the live sources."""
        if load and settings.LOAD_SHIPPED and database_is_empty():
            self.stderr.write(summary(load_shipped(self)))
        if not Mission.objects.exists():
            self.stderr.write(EMPTY_NOTE, ending="")
