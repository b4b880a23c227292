"""Replace the database's content with a backup made by `embassies backup`.

`embassies restore PATH`: a file that is not such a backup (or is for the other kind of
database), that records migrations this version does not know, or that lacks a table its
migrations create, is refused and nothing changes. Stop the site's writers (imports) first; run
`embassies migrate` afterwards when the backup is older than the code.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            pending = restore(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored from {options['path']}.")
        if pending:
            self.stdout.write(
                f"The backup predates {pending} migration(s) of this version: "
                "run `embassies migrate` before serving."
            )
