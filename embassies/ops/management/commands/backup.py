"""Write a consistent backup of the database to PATH while the site keeps serving.

`embassies backup PATH`: SQLite through its online backup API, PostgreSQL with
`pg_dump --format=custom` (PostgreSQL's client programs must be installed).
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup written to {path} ({path.stat().st_size} bytes).")
