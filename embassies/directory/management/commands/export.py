"""Export missions: `embassies export --format csv|geojson|jsonl PATH [--host RU --kind embassy ...]`.

PATH `-` writes to standard output. A file is written beside PATH first and renamed over it
only when complete, so a reader (or a web server publishing a daily dump) never sees half.
"""

from __future__ import annotations

import os
import tempfile
from argparse import ArgumentParser
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.directory.exports import FORMATS, export
from embassies.directory.filters import FilterError, filtered, parse_filter

FILTERS = ("sending", "host", "kind", "city", "status", "near", "radius_km", "updated_since")


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
        parser.add_argument("path", help="File to write, or - for standard output.")
        parser.add_argument("--sending", help="Sending state, alpha-2 (CA).")
        parser.add_argument("--host", help="Host state, alpha-2 (RU).")
        parser.add_argument("--kind", help="Mission kind (embassy, consulate_general, ...).")
        parser.add_argument("--city", help="City, exact but any case.")
        parser.add_argument("--status", help="open, suspended or closed.")
        parser.add_argument("--near", help="lat,lon in degrees.")
        parser.add_argument("--radius-km", help="Radius around --near in km (default 50).")
        parser.add_argument("--updated-since", help="ISO 8601 date or time.")

    def handle(self, *args: Any, **options: Any) -> None:
        params = {name: options[name] for name in FILTERS if options[name] is not None}
        try:
            chosen = parse_filter(params)
        except FilterError as error:
            raise CommandError(f"--{error.field.replace('_', '-')}: {error}") from None
        pieces = export(options["fmt"], filtered(chosen))
        if options["path"] == "-":
            for piece in pieces:
                self.stdout.write(piece, ending="")
            return
        target = Path(options["path"])
        try:
            write_atomically(target, pieces)
        except OSError as error:
            raise CommandError(f"Could not write {target}: {error}") from error
        self.stderr.write(f"Wrote {target} ({target.stat().st_size:,} bytes).")


def write_atomically(target: Path, pieces: Iterable[str]) -> None:
    """Write to a temporary file in target's folder (a rename within one file system is
    atomic), then rename it over target; on any failure, remove it and leave target as it was."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for piece in pieces:
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, _default_mode())  # mkstemp makes it private; a dump is meant to be read
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    """What open() would have given a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
