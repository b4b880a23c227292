"""The production HTTP server `embassies serve` runs: Granian with worker processes, and the
limits its workers keep (statement timeout, threads, intake)."""

from __future__ import annotations

import logging

from django.conf import settings
from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings
from granian.log import LogLevels
from granian.server import MPServer

from embassies.ops.requestlog import server_logconfig

# Requests each worker runs at once in the site's code: enough to keep the database busy
# while one waits on it; more would only queue on the interpreter lock.
THREADS = 4
# Requests each worker takes in at once: those still sending their bodies wait in a thread
# of their own (without the interpreter lock, for EMBASSIES_BODY_READ_TIMEOUT at most), so a
# few slow clients never hold the THREADS that answer everyone (embassies/ops/bodies.py).
# Connections beyond them wait in the server (Rust), not in Python.
INTAKE = 64
STOP_SECONDS = 30  # longest a worker may finish its requests when asked to stop


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
