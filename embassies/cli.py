"""The `embassies` console command: Django's management commands plus the project's own.

`embassies migrate`, `embassies shell`, `embassies import wikidata-csv PATH`, ...
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassies.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018  (reads the settings: a bad variable fails here)
    except ImproperlyConfigured as error:
        # An operator's mistake in the environment: one line saying which, not a traceback.
        sys.exit(f"ImproperlyConfigured: {error}")
    execute_from_command_line(["embassies", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
