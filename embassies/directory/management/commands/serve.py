"""Migrate, collect static files, load the shipped data into an empty database (unless
--no-load or EMBASSIES_LOAD_SHIPPED=0), then serve the site with Granian (a production HTTP
server).

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
from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings
from granian.log import LogLevels
from granian.server import MPServer

from embassies.bundled.load import database_is_empty, load_shipped, summary
from embassies.directory.models import Mission
from embassies.directory.search.engine import warm
from embassies.ops.bodies import BodyDeadline
from embassies.ops.checks import METRICS_OPEN, metrics_open
from embassies.ops.requestlog import server_logconfig

log = logging.getLogger(__name__)

EMPTY_NOTE = (
    "The directory is empty. Load it with `embassies sync wikidata` (online, from Wikidata),\n"
    "`embassies import shipped` (the data this package ships)\n"
    "or `embassies import wikidata-csv FILE` (offline, from a Wikidata CSV file).\n"
)
# Requests each worker runs at once in the site's code: enough to keep the database busy
# while one waits on it; more would only queue on the interpreter lock.
THREADS = 4
# Requests each worker takes in at once: those still sending their bodies wait in a thread
# of their own (without the interpreter lock, for EMBASSIES_BODY_READ_TIMEOUT at most), so a
# few slow clients never hold the THREADS that answer everyone (embassies/ops/bodies.py).
# Connections beyond them wait in the server (Rust), not in Python.
INTAKE = 64
STOP_SECONDS = 30  # longest a worker may finish its requests when asked to stop


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
        call_command("migrate", interactive=False, verbosity=0)
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


def limit_statements(milliseconds: int) -> None:
    """Every PostgreSQL connection opened from now on (the workers') cancels a statement that
    runs longer: a request stuck behind a lock or a runaway query gives its thread back. Set
    here, not in the settings, so that imports and migrations run by commands are not cut."""
    if not milliseconds:
        return
    for database in settings.DATABASES.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            options = database.setdefault("OPTIONS", {})
            given = options.get("options", "")
            options["options"] = f"{given} -c statement_timeout={milliseconds}".strip()


class _IntakeThreads(logging.Filter):
    """Granian warns at start that INTAKE threads are many for the CPUs: most only wait for
    request bodies, and BodyDeadline lets THREADS at a time run the site's code."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Python threads" not in record.getMessage()


def server(host: str, port: int, workers: int) -> MPServer:
    """Granian with worker processes (what `from granian import Granian` is with the GIL)."""
    level = logging.getLevelName(logging.getLogger().level)
    granian = MPServer(
        "embassies.wsgi:application",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        http=HTTPModes.http1,  # behind a proxy that speaks HTTP/1.1 to its upstreams
        workers=max(1, workers),
        blocking_threads=INTAKE,
        backpressure=INTAKE,
        # A client that has not sent its request's headers by then is disconnected.
        http1_settings=HTTP1Settings(header_read_timeout=settings.BODY_READ_TIMEOUT * 1000),
        respawn_failed_workers=True,  # a crashed worker is replaced, as a process manager would
        workers_kill_timeout=STOP_SECONDS,
        # One line per request comes from embassies.ops (with its request id); the server's
        # own lines use the same LOG_FORMAT.
        log_dictconfig=server_logconfig(settings.LOG_FORMAT, level),
        log_level=LogLevels(level.lower()),
        log_access=False,
    )
    logging.getLogger("_granian").addFilter(_IntakeThreads())  # configured by MPServer above
    return granian
