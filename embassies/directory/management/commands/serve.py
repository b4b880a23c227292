"""Migrate, collect static files, then serve the site with gunicorn (a production WSGI server).

`embassies serve [--host H] [--port P] [--workers N]`; defaults to http://127.0.0.1:8000.
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
from gunicorn.app.base import BaseApplication

from embassies.directory.models import Mission
from embassies.directory.search.engine import warm
from embassies.ops.requestlog import gunicorn_logconfig
from embassies.web.frontdoor import WSGIApp

EMPTY_NOTE = (
    "The directory is empty. Load it with `embassies sync wikidata` (online, from Wikidata)\n"
    "or `embassies import wikidata-csv FILE` (offline, from a Wikidata CSV file).\n"
)


class Server(BaseApplication):
    """gunicorn driven from Python, so `embassies serve` needs no separate config file."""

    def __init__(self, app: WSGIApp, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WSGIApp:
        return self.application


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--workers", type=int, default=settings.SERVE_WORKERS, help="Worker processes."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not Mission.objects.exists():
            sys.stderr.write(EMPTY_NOTE)
        # Loaded once here, before workers fork, so they share it instead of each loading it
        # (seconds) on its first search.
        warm()
        # Workers are forked: they must not share the connection the master just used.
        connections.close_all()
        from embassies.ops.metrics import reset_dir
        from embassies.wsgi import application

        reset_dir()  # the new workers' metrics start from zero, not from a past run's files

        host, port = options["host"], options["port"]
        sys.stderr.write(f"Serving on http://{host}:{port}/\n")
        Server(application, _gunicorn_options(host, port, options["workers"])).run()


def _gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": max(1, workers),
        # Threads keep a slow client from holding a whole worker.
        "worker_class": "gthread",
        "threads": 4,
        # One line per request comes from embassies.ops (with its request id); gunicorn's own
        # lines use the same LOG_FORMAT.
        "logconfig_dict": gunicorn_logconfig(
            settings.LOG_FORMAT, logging.getLevelName(logging.getLogger().level)
        ),
        "preload_app": True,
        "timeout": 60,
    }
